-- Orleans grain state on PostgreSQL (Microsoft.Orleans.Persistence.AdoNet, invariant "Npgsql").
-- Implements the provider's OrleansQuery contract: WriteToStorageKey, ReadFromStorageKey, ClearStorageKey and the
-- optional DeleteStorageKey, with the parameters @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
-- @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary and the result columns
-- PayloadBinary/Version (read) and NewGrainStateVersion (write). Optimistic concurrency: a write or clear only
-- succeeds with the version last read; otherwise the old version comes back and Orleans raises
-- InconsistentStateException. Unlike the vendor script, the grain key is a real primary key (a missing key
-- extension is stored as ''), so the first write of a grain is a plain INSERT ... ON CONFLICT DO NOTHING.

CREATE TABLE IF NOT EXISTS orleans_grain_state (
    service_id       varchar(150) NOT NULL,
    grain_type       varchar(512) NOT NULL,
    grain_id_n0      bigint       NOT NULL,
    grain_id_n1      bigint       NOT NULL,
    grain_id_ext     varchar(512) NOT NULL,
    grain_id_hash    integer      NOT NULL,
    grain_type_hash  integer      NOT NULL,
    payload          bytea,
    version          integer      NOT NULL,
    modified_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext)
);

SELECT orleans_register_query('ReadFromStorageKey', '
    SELECT payload AS PayloadBinary, version AS Version
    FROM orleans_grain_state
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_ext = coalesce(@GrainIdExtensionString, '''')
      AND @GrainIdHash IS NOT NULL AND @GrainTypeHash IS NOT NULL;');

-- Exactly one of the two branches can act: an update when a version was read, an insert when none was.
SELECT orleans_register_query('WriteToStorageKey', '
    WITH updated AS (
        UPDATE orleans_grain_state
        SET payload = @PayloadBinary, version = version + 1, modified_at = now()
        WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
          AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
          AND grain_id_ext = coalesce(@GrainIdExtensionString, '''')
          AND version = @GrainStateVersion
        RETURNING version),
    inserted AS (
        INSERT INTO orleans_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext,
                                         grain_id_hash, grain_type_hash, payload, version)
        SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''''),
               @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1
        WHERE @GrainStateVersion::integer IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion::integer)
           AS NewGrainStateVersion;');

SELECT orleans_register_query('ClearStorageKey', '
    UPDATE orleans_grain_state
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_ext = coalesce(@GrainIdExtensionString, '''')
      AND version = @GrainStateVersion
      AND @GrainIdHash IS NOT NULL AND @GrainTypeHash IS NOT NULL
    RETURNING version AS NewGrainStateVersion;');

-- A deleted row answers with the version after it: Orleans treats an unchanged version as a conflict.
SELECT orleans_register_query('DeleteStorageKey', '
    DELETE FROM orleans_grain_state
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_ext = coalesce(@GrainIdExtensionString, '''')
      AND version = @GrainStateVersion
      AND @GrainIdHash IS NOT NULL AND @GrainTypeHash IS NOT NULL
    RETURNING version + 1 AS NewGrainStateVersion;');
