-- Mapping operations with IoTa's semantics, done in the database so they are atomic for every caller:
-- starting a mapping ends any open mapping of either device; ending one stops data flowing; rows are never
-- deleted, so the history stays queryable. The partial unique indexes of 0001 remain the last word.

-- Locks the two device rows (always physical first, then logical, so concurrent calls cannot deadlock), ends the
-- open mappings of both devices at p_at and opens the new one. Returns the physical devices whose mapping it
-- ended, so their grains can refresh what they cache.
CREATE OR REPLACE FUNCTION map_devices(p_physical_uid bigint, p_logical_uid bigint, p_at timestamptz DEFAULT now())
RETURNS TABLE (ended_physical_uid bigint)
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM physical_devices WHERE uid = p_physical_uid FOR NO KEY UPDATE;
    IF NOT FOUND THEN RAISE EXCEPTION 'physical device % does not exist', p_physical_uid USING ERRCODE = 'no_data_found'; END IF;
    PERFORM 1 FROM logical_devices WHERE uid = p_logical_uid FOR NO KEY UPDATE;
    IF NOT FOUND THEN RAISE EXCEPTION 'logical device % does not exist', p_logical_uid USING ERRCODE = 'no_data_found'; END IF;

    RETURN QUERY
        UPDATE physical_logical_map SET end_time = greatest(p_at, start_time)
        WHERE end_time IS NULL AND (physical_uid = p_physical_uid OR logical_uid = p_logical_uid)
        RETURNING physical_uid;

    INSERT INTO physical_logical_map (physical_uid, logical_uid, start_time) VALUES (p_physical_uid, p_logical_uid, p_at);
END $$;

-- Ends the open mapping of a physical device, if any; returns the logical device it fed.
CREATE OR REPLACE FUNCTION end_physical_mapping(p_physical_uid bigint, p_at timestamptz DEFAULT now())
RETURNS TABLE (ended_logical_uid bigint)
LANGUAGE sql AS $$
    UPDATE physical_logical_map SET end_time = greatest(p_at, start_time)
    WHERE physical_uid = p_physical_uid AND end_time IS NULL
    RETURNING logical_uid;
$$;

-- Physical devices that sent data while no mapping covered the message's time (IoTa's `pd lum`, with evidence).
-- Written in batches by the Silo, never once per message.
CREATE TABLE IF NOT EXISTS unmapped_device_activity (
    physical_uid        bigint PRIMARY KEY REFERENCES physical_devices (uid) ON DELETE CASCADE,
    first_seen          timestamptz NOT NULL,
    last_seen           timestamptz NOT NULL,
    last_correlation_id uuid NOT NULL,
    message_count       bigint NOT NULL
);

-- What an operator lists: devices with no open mapping, with the unmapped traffic they sent, if any.
CREATE OR REPLACE VIEW unmapped_physical_devices AS
SELECT d.uid, d.source, d.name, d.last_seen, a.first_seen AS unmapped_first_seen, a.last_seen AS unmapped_last_seen,
       a.last_correlation_id AS unmapped_last_correlation_id, coalesce(a.message_count, 0) AS unmapped_message_count
FROM physical_devices d
LEFT JOIN unmapped_device_activity a ON a.physical_uid = d.uid
WHERE NOT EXISTS (SELECT 1 FROM physical_logical_map m WHERE m.physical_uid = d.uid AND m.end_time IS NULL);
