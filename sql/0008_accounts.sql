-- Accounts, sessions and API tokens, and the login-attempt log used for throttling.
CREATE TABLE account (
    id bigserial PRIMARY KEY,
    username text NOT NULL CHECK (username ~ '^[A-Za-z0-9._@-]{3,64}$'),
    display_name text NOT NULL DEFAULT '',
    role text NOT NULL CHECK (role IN ('enterprise', 'unit_admin', 'expert', 'staff', 'admin')),
    organization_id bigint REFERENCES organization (id),
    expert_id bigint REFERENCES expert (id),
    password_hash text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Tenancy is structural: enterprise and unit accounts belong to exactly one organization, expert
    -- accounts to one expert, and program accounts to neither.
    CHECK ((role IN ('enterprise', 'unit_admin')) = (organization_id IS NOT NULL)),
    CHECK ((role = 'expert') = (expert_id IS NOT NULL))
);
CREATE UNIQUE INDEX account_username_key ON account (lower(username));

-- Browser sessions (cookie) and API bearer tokens; only a SHA-256 of the secret is stored.
CREATE TABLE auth_token (
    token_hash text PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('session', 'api')),
    csrf_token text,
    label text,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX auth_token_account ON auth_token (account_id);

CREATE TABLE login_attempt (
    id bigserial PRIMARY KEY,
    username text NOT NULL,
    client_address text NOT NULL,
    succeeded boolean NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_username ON login_attempt (lower(username), at);
CREATE INDEX login_attempt_client ON login_attempt (client_address, at);
