-- People who use the API (IoTa's `users`) and the programs that read on their behalf (TUM's consumers).

-- Passwords are stored as ASP.NET Core Identity PasswordHasher strings (PBKDF2, salted, versioned).
-- Bumping token_generation invalidates every JWT issued before (IoTa's "token refresh");
-- token_enabled = false refuses both new and existing tokens (IoTa's "token disable").
CREATE TABLE IF NOT EXISTS users (
    username         text PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 100),
    password_hash    text NOT NULL,
    role             text NOT NULL CHECK (role IN ('admin', 'operator', 'reader')),
    token_enabled    boolean NOT NULL DEFAULT true,
    token_generation integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- API keys are random (256 bits), so a SHA-256 of the key is a safe, fast look-up key.
CREATE TABLE IF NOT EXISTS consumers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    key_hash    bytea NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

-- A consumer may read only the logical devices it was granted.
CREATE TABLE IF NOT EXISTS consumer_grants (
    consumer_id bigint NOT NULL REFERENCES consumers (id) ON DELETE CASCADE,
    logical_uid bigint NOT NULL REFERENCES logical_devices (uid) ON DELETE CASCADE,
    granted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_id, logical_uid)
);
