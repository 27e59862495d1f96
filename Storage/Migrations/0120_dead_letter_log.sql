-- Every message the Silo dead-letters, for dashboards: the message itself waits in RabbitMQ's dead-letter queue
-- (listed and re-queued through the Api), which Grafana cannot read.
CREATE TABLE IF NOT EXISTS dead_letter_log (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id       text NOT NULL,
    reason           text NOT NULL,
    attempts         integer NOT NULL,
    dead_lettered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS dead_letter_log_at ON dead_letter_log (dead_lettered_at);
