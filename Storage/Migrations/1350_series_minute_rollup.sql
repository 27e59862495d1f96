-- Per-minute rollup of series_points, so a series query over a long range reads one row per series and minute
-- instead of every point (what TimescaleDB's continuous aggregates do). It is kept exact by statement triggers:
-- every INSERT (the Silo's batches, COPY) adds its rows in the same transaction, so readers never see the rollup
-- and the points disagree, late and re-delivered points included (ON CONFLICT DO NOTHING leaves them out of the
-- transition table). DELETE and UPDATE recompute the minutes they touched; TRUNCATE empties it.
-- Minutes are date_bin('1 minute', ts, epoch): independent of the session's time zone.
-- FIRST and LAST break ties at the same ts by value (lowest first, highest last), as the raw query does.
CREATE TABLE IF NOT EXISTS series_minutes (
    logical_uid    bigint NOT NULL,
    name           text NOT NULL,
    minute         timestamptz NOT NULL,
    points         bigint NOT NULL,           -- every point, text readings included
    numeric_points bigint NOT NULL,           -- points with a value
    sum            double precision,
    min            double precision,
    max            double precision,
    first_ts       timestamptz,
    first_value    double precision,
    last_ts        timestamptz,
    last_value     double precision,
    PRIMARY KEY (logical_uid, name, minute)
) WITH (fillfactor = 70); -- room on the page keeps the current minute's updates HOT

CREATE OR REPLACE FUNCTION series_minutes_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO series_minutes AS m
        (logical_uid, name, minute, points, numeric_points, sum, min, max, first_ts, first_value, last_ts, last_value)
    SELECT logical_uid, name, date_bin('1 minute', ts, timestamptz 'epoch') AS minute,
           count(*), count(value), sum(value), min(value), max(value),
           min(ts) FILTER (WHERE value IS NOT NULL), (array_agg(value ORDER BY ts, value) FILTER (WHERE value IS NOT NULL))[1],
           max(ts) FILTER (WHERE value IS NOT NULL), (array_agg(value ORDER BY ts DESC, value DESC) FILTER (WHERE value IS NOT NULL))[1]
    FROM added_points
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3 -- one lock order for every writer: concurrent batches cannot deadlock on the same minutes
    ON CONFLICT (logical_uid, name, minute) DO UPDATE SET
        points = m.points + excluded.points,
        numeric_points = m.numeric_points + excluded.numeric_points,
        sum = CASE WHEN excluded.sum IS NULL THEN m.sum ELSE coalesce(m.sum, 0) + excluded.sum END,
        min = least(m.min, excluded.min),
        max = greatest(m.max, excluded.max),
        first_ts = CASE WHEN m.first_ts IS NULL OR (excluded.first_ts, excluded.first_value) < (m.first_ts, m.first_value) THEN excluded.first_ts ELSE m.first_ts END,
        first_value = CASE WHEN m.first_ts IS NULL OR (excluded.first_ts, excluded.first_value) < (m.first_ts, m.first_value) THEN excluded.first_value ELSE m.first_value END,
        last_ts = CASE WHEN m.last_ts IS NULL OR (excluded.last_ts, excluded.last_value) > (m.last_ts, m.last_value) THEN excluded.last_ts ELSE m.last_ts END,
        last_value = CASE WHEN m.last_ts IS NULL OR (excluded.last_ts, excluded.last_value) > (m.last_ts, m.last_value) THEN excluded.last_value ELSE m.last_value END;
    RETURN NULL;
END $$;

-- Recomputes the given minutes from the points that remain (min, max, first and last cannot be "subtracted").
CREATE OR REPLACE FUNCTION series_minutes_recompute(touched_uids bigint[], touched_names text[], touched_minutes timestamptz[])
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM series_minutes m
    USING unnest(touched_uids, touched_names, touched_minutes) AS t(logical_uid, name, minute)
    WHERE m.logical_uid = t.logical_uid AND m.name = t.name AND m.minute = t.minute;

    INSERT INTO series_minutes
        (logical_uid, name, minute, points, numeric_points, sum, min, max, first_ts, first_value, last_ts, last_value)
    SELECT t.logical_uid, t.name, t.minute,
           count(*), count(p.value), sum(p.value), min(p.value), max(p.value),
           min(p.ts) FILTER (WHERE p.value IS NOT NULL), (array_agg(p.value ORDER BY p.ts, p.value) FILTER (WHERE p.value IS NOT NULL))[1],
           max(p.ts) FILTER (WHERE p.value IS NOT NULL), (array_agg(p.value ORDER BY p.ts DESC, p.value DESC) FILTER (WHERE p.value IS NOT NULL))[1]
    FROM unnest(touched_uids, touched_names, touched_minutes) AS t(logical_uid, name, minute)
    JOIN series_points p ON p.logical_uid = t.logical_uid AND p.name = t.name
                        AND p.ts >= t.minute AND p.ts < t.minute + interval '1 minute'
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3;
END $$;

CREATE OR REPLACE FUNCTION series_minutes_remove() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    uids bigint[];
    names text[];
    minutes timestamptz[];
BEGIN
    SELECT array_agg(logical_uid), array_agg(name), array_agg(minute) INTO uids, names, minutes
    FROM (SELECT DISTINCT logical_uid, name, date_bin('1 minute', ts, timestamptz 'epoch') AS minute FROM removed_points) touched;
    IF uids IS NOT NULL THEN
        PERFORM series_minutes_recompute(uids, names, minutes);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION series_minutes_clear() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE series_minutes;
    RETURN NULL;
END $$;

-- Backfill what is already stored (a no-op on a fresh database).
INSERT INTO series_minutes
    (logical_uid, name, minute, points, numeric_points, sum, min, max, first_ts, first_value, last_ts, last_value)
SELECT logical_uid, name, date_bin('1 minute', ts, timestamptz 'epoch'),
       count(*), count(value), sum(value), min(value), max(value),
       min(ts) FILTER (WHERE value IS NOT NULL), (array_agg(value ORDER BY ts, value) FILTER (WHERE value IS NOT NULL))[1],
       max(ts) FILTER (WHERE value IS NOT NULL), (array_agg(value ORDER BY ts DESC, value DESC) FILTER (WHERE value IS NOT NULL))[1]
FROM series_points
GROUP BY 1, 2, 3
ON CONFLICT DO NOTHING;

DROP TRIGGER IF EXISTS series_minutes_on_insert ON series_points;
CREATE TRIGGER series_minutes_on_insert AFTER INSERT ON series_points
    REFERENCING NEW TABLE AS added_points FOR EACH STATEMENT EXECUTE FUNCTION series_minutes_add();

DROP TRIGGER IF EXISTS series_minutes_on_delete ON series_points;
CREATE TRIGGER series_minutes_on_delete AFTER DELETE ON series_points
    REFERENCING OLD TABLE AS removed_points FOR EACH STATEMENT EXECUTE FUNCTION series_minutes_remove();

-- An UPDATE is a removal of the old rows plus an addition of the new ones; recomputing both sets of minutes covers it.
CREATE OR REPLACE FUNCTION series_minutes_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    uids bigint[];
    names text[];
    minutes timestamptz[];
BEGIN
    SELECT array_agg(logical_uid), array_agg(name), array_agg(minute) INTO uids, names, minutes
    FROM (SELECT logical_uid, name, date_bin('1 minute', ts, timestamptz 'epoch') AS minute FROM removed_points
          UNION
          SELECT logical_uid, name, date_bin('1 minute', ts, timestamptz 'epoch') FROM added_points) touched;
    IF uids IS NOT NULL THEN
        PERFORM series_minutes_recompute(uids, names, minutes);
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS series_minutes_on_update ON series_points;
CREATE TRIGGER series_minutes_on_update AFTER UPDATE ON series_points
    REFERENCING OLD TABLE AS removed_points NEW TABLE AS added_points FOR EACH STATEMENT EXECUTE FUNCTION series_minutes_change();

DROP TRIGGER IF EXISTS series_minutes_on_truncate ON series_points;
CREATE TRIGGER series_minutes_on_truncate AFTER TRUNCATE ON series_points
    FOR EACH STATEMENT EXECUTE FUNCTION series_minutes_clear();
