-- Filter and rule documents (the ASSIST-IoT fr_script format), evaluated by every Ingest replica, and per-topic
-- MQTT grants (publish to a topic outside devices/<id>/telemetry, subscribe to rule outputs). Both tables notify
-- on change so Ingest replicas reload within a second (LISTEN/NOTIFY, no polling).

CREATE TABLE IF NOT EXISTS rule_documents (
    name       text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_.-]{1,100}$'),
    document   jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS mqtt_topic_grants (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Exactly one holder: a device (its tokens) or a source (its source credentials).
    physical_uid bigint REFERENCES physical_devices (uid) ON DELETE CASCADE,
    source       text REFERENCES sources (name) ON DELETE CASCADE,
    topic_filter text NOT NULL CHECK (length(topic_filter) BETWEEN 1 AND 1024),
    access       text NOT NULL CHECK (access IN ('publish', 'subscribe')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(physical_uid, source) = 1),
    UNIQUE NULLS NOT DISTINCT (physical_uid, source, topic_filter, access)
);

-- The payload is only a hint; listeners reload the (small) table.
CREATE OR REPLACE FUNCTION iotstack_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], TG_OP);
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS rule_documents_changed ON rule_documents;
CREATE TRIGGER rule_documents_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rule_documents
    FOR EACH STATEMENT EXECUTE FUNCTION iotstack_notify_change('iotstack_rule_documents');

DROP TRIGGER IF EXISTS mqtt_topic_grants_changed ON mqtt_topic_grants;
CREATE TRIGGER mqtt_topic_grants_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mqtt_topic_grants
    FOR EACH STATEMENT EXECUTE FUNCTION iotstack_notify_change('iotstack_topic_grants');
