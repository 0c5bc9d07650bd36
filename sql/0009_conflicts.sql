-- Conflicts of interest (hard exclusions in matching) and earlier cooperation (a scoring signal).
CREATE TABLE conflict (
    id bigserial PRIMARY KEY,
    expert_id bigint REFERENCES expert (id) ON DELETE CASCADE,
    unit_id bigint REFERENCES organization (id),
    enterprise_id bigint NOT NULL REFERENCES organization (id),
    kind text NOT NULL CHECK (kind IN ('founder', 'equity', 'relative', 'former_employer', 'other')),
    note text NOT NULL DEFAULT '',
    source text NOT NULL CHECK (source IN ('staff', 'expert', 'import')),
    valid_until date,
    created_by bigint REFERENCES account (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Exactly one side: a person or their whole unit.
    CHECK (num_nonnulls(expert_id, unit_id) = 1)
);
CREATE INDEX conflict_enterprise ON conflict (enterprise_id);
CREATE INDEX conflict_expert ON conflict (expert_id);

CREATE TABLE cooperation (
    id bigserial PRIMARY KEY,
    expert_id bigint REFERENCES expert (id) ON DELETE CASCADE,
    unit_id bigint REFERENCES organization (id),
    enterprise_id bigint NOT NULL REFERENCES organization (id),
    year integer CHECK (year BETWEEN 1980 AND 2100),
    note text NOT NULL DEFAULT '',
    CHECK (num_nonnulls(expert_id, unit_id) = 1)
);
CREATE INDEX cooperation_enterprise ON cooperation (enterprise_id);
