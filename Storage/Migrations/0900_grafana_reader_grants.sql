-- What dashboards may read, granted to the iotstack_reader role (Grafana's login is a member; it never connects as
-- the owner). Credentials, users and Orleans' tables stay out of reach. The AppHost creates the role with the
-- database; elsewhere (a managed server) this creates it, and an operator adds a login to it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'iotstack_reader') THEN
        CREATE ROLE iotstack_reader NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO iotstack_reader;
GRANT SELECT ON sources, physical_devices, logical_devices, physical_logical_map, raw_messages, series_points, dead_letter_log
    TO iotstack_reader;
