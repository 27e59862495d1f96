-- Scheduled reports: definitions (managed over GraphQL), runs (one per scheduled occurrence, enforced here so a
-- second silo or a retried reminder can never run an occurrence twice) and the built-in report's figures.

CREATE TABLE IF NOT EXISTS report_definitions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    logical_uids bigint[] NOT NULL CHECK (cardinality(logical_uids) > 0),
    cron         text NOT NULL,      -- 5 fields, or 6 with seconds first (Cronos formats)
    time_zone    text NOT NULL,      -- IANA id; the cron is read in this zone (daylight saving included)
    period       interval NOT NULL CHECK (period > interval '0'),
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS report_runs (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    definition_id bigint NOT NULL REFERENCES report_definitions (id) ON DELETE CASCADE,
    scheduled_for timestamptz,       -- the cron occurrence; NULL for a run asked for over the API
    period_start  timestamptz NOT NULL,
    period_end    timestamptz NOT NULL,
    run_by        text NOT NULL,
    finished_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- NULLs are distinct, so on-demand runs are never refused; an occurrence runs once.
    UNIQUE (definition_id, scheduled_for)
);

CREATE TABLE IF NOT EXISTS report_results (
    run_id       bigint NOT NULL REFERENCES report_runs (id) ON DELETE CASCADE,
    logical_uid  bigint NOT NULL,
    name         text NOT NULL,
    point_count  bigint NOT NULL,
    min_value    double precision,   -- numeric points only; NULL when the series holds only text
    max_value    double precision,
    avg_value    double precision,
    first_ts     timestamptz NOT NULL,
    last_ts      timestamptz NOT NULL,
    longest_gap  interval NOT NULL,  -- between consecutive points; 0 with a single point
    PRIMARY KEY (run_id, logical_uid, name)
);

-- Runs the built-in report over [period_end - period, period_end) in one transaction. Returns the run's id, or
-- NULL when that scheduled occurrence has already run (the caller lost the race or is a retry).
CREATE OR REPLACE FUNCTION run_report(p_definition_id bigint, p_period_end timestamptz, p_scheduled boolean, p_run_by text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v_definition report_definitions;
    v_run_id bigint;
BEGIN
    SELECT * INTO v_definition FROM report_definitions WHERE id = p_definition_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'report definition % does not exist', p_definition_id USING ERRCODE = 'no_data_found';
    END IF;

    INSERT INTO report_runs (definition_id, scheduled_for, period_start, period_end, run_by)
    VALUES (p_definition_id, CASE WHEN p_scheduled THEN p_period_end END, p_period_end - v_definition.period, p_period_end, p_run_by)
    ON CONFLICT (definition_id, scheduled_for) DO NOTHING
    RETURNING id INTO v_run_id;
    IF v_run_id IS NULL THEN
        RETURN NULL;
    END IF;

    INSERT INTO report_results (run_id, logical_uid, name, point_count, min_value, max_value, avg_value, first_ts, last_ts, longest_gap)
    SELECT v_run_id, logical_uid, name, count(*), min(value), max(value), avg(value), min(ts), max(ts),
           coalesce(max(gap), interval '0')
    FROM (
        SELECT p.logical_uid, p.name, p.ts, p.value,
               p.ts - lag(p.ts) OVER (PARTITION BY p.logical_uid, p.name ORDER BY p.ts) AS gap
        FROM series_points p
        WHERE p.logical_uid = ANY (v_definition.logical_uids)
          AND p.ts >= p_period_end - v_definition.period AND p.ts < p_period_end
    ) points
    GROUP BY logical_uid, name;

    RETURN v_run_id;
END $$;
