-- The OrleansQuery table: the contract of Microsoft.Orleans.*.AdoNet (clustering, grain persistence, reminders).
-- Every provider reads `SELECT QueryKey, QueryText FROM OrleansQuery` at start-up and afterwards only runs the
-- query texts stored here, binding parameters by name (@DeploymentId, @GrainIdHash, ...) and reading result
-- columns by name. The vendor scripts ship in the Orleans repository, not in the NuGet packages, so IoTStack keeps
-- its own implementation of that contract in migrations 0100-0103 (snake_case tables, plain SQL where possible).
-- Unquoted identifiers fold to lower case, which is what the providers' unquoted SELECT expects.

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64)   NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);

-- Later migrations register their queries through this upsert so re-running a script is harmless.
CREATE OR REPLACE FUNCTION orleans_register_query(query_key text, query_text text) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (query_key, query_text)
    ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
$$;
