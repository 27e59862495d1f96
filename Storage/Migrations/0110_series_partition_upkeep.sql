-- Monthly partitions of series_points (UTC months), created ahead of time so points land in a small, prunable
-- partition; series_points_default (0001) keeps the stragglers: readings from badly set device clocks, backfills.
-- The Silo calls series_points_ensure_partitions daily; the call below makes a fresh database ready at once.

-- Creates the partition for the month holding month_start. If stragglers for that month already sit in the
-- default partition they are moved into it first: PostgreSQL refuses to attach a partition whose range the
-- default partition still holds rows of. The advisory lock serialises silos doing the same upkeep at once.
CREATE OR REPLACE FUNCTION series_points_ensure_month(month_start date) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month_start)::date;
    partition_name text := format('series_points_%s', to_char(first_day, 'YYYY_MM'));
    range_start timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
    range_end timestamptz := (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC';
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('series_points_partitions'));
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN false;
    END IF;

    EXECUTE format('CREATE TABLE %I (LIKE series_points INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', partition_name);
    EXECUTE format(
        'WITH moved AS (DELETE FROM series_points_default WHERE ts >= %L AND ts < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
        range_start, range_end, partition_name);
    EXECUTE format('ALTER TABLE series_points ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
        partition_name, range_start, range_end);
    RETURN true;
END $$;

-- The previous month (late data), the current one and months_ahead more; returns how many were created.
CREATE OR REPLACE FUNCTION series_points_ensure_partitions(months_ahead integer DEFAULT 3) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    created integer := 0;
    this_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
BEGIN
    FOR offset_months IN -1..months_ahead LOOP
        IF series_points_ensure_month((this_month + make_interval(months => offset_months))::date) THEN
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END $$;

SELECT series_points_ensure_partitions(3);
