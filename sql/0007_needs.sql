-- Enterprise technical needs and their lifecycle.
CREATE TABLE need (
    id bigserial PRIMARY KEY,
    enterprise_id bigint NOT NULL REFERENCES organization (id),
    title text NOT NULL CHECK (length(btrim(title)) BETWEEN 4 AND 200),
    description text NOT NULL DEFAULT '',
    technical_targets text NOT NULL DEFAULT '',
    tracks text[] NOT NULL DEFAULT '{}',
    disciplines text[] NOT NULL DEFAULT '{}',
    keywords text[] NOT NULL DEFAULT '{}',
    budget numeric(14, 2) CHECK (budget >= 0),
    ip_arrangement text,
    expected_outcomes text[] NOT NULL DEFAULT '{}',
    deadline date,
    confidential boolean NOT NULL DEFAULT false,
    accepts_out_of_province boolean NOT NULL DEFAULT true,
    preferred_expert_id bigint REFERENCES expert (id),
    experts_needed integer NOT NULL DEFAULT 1 CHECK (experts_needed BETWEEN 1 AND 5),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN (
        'draft', 'submitted', 'returned', 'open', 'proposed', 'dispatched', 'solved', 'closed', 'expired', 'withdrawn')),
    status_reason text,
    expires_on date,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX need_enterprise ON need (enterprise_id);
CREATE INDEX need_status ON need (status);
CREATE INDEX need_title_trgm ON need USING gin (title gin_trgm_ops);

-- Every lifecycle transition of needs, experts and organizations, with who and why.
CREATE TABLE state_transition (
    id bigserial PRIMARY KEY,
    entity text NOT NULL CHECK (entity IN ('need', 'expert', 'organization')),
    entity_id bigint NOT NULL,
    from_status text NOT NULL,
    to_status text NOT NULL,
    actor_id bigint,
    reason text,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX state_transition_entity ON state_transition (entity, entity_id, at);
