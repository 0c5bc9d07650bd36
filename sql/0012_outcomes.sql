-- What dispatches produce: service logs (days on site), outcomes with evidence, and assessments.

-- A commissioner's visit or stretch of work at the enterprise.
CREATE TABLE service_log (
    id bigserial PRIMARY KEY,
    assignment_id bigint NOT NULL REFERENCES assignment (id),
    served_on date NOT NULL,
    days numeric(4, 1) NOT NULL CHECK (days > 0 AND days <= 31),
    work text NOT NULL CHECK (length(btrim(work)) BETWEEN 2 AND 5000),
    recorded_by bigint REFERENCES account (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_log_assignment ON service_log (assignment_id, served_on);

-- An outcome of a dispatch, reported by the commissioner or the enterprise, counted only once staff verify it.
CREATE TABLE outcome (
    id bigserial PRIMARY KEY,
    assignment_id bigint NOT NULL REFERENCES assignment (id),
    kind text NOT NULL CHECK (kind IN (
        'project', 'achievement_transfer', 'standard', 'new_product', 'platform', 'staff_trained', 'contract', 'patent')),
    title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 300),
    description text NOT NULL DEFAULT '',
    achieved_on date NOT NULL,
    -- staff_trained: how many people (names optional).
    trained_count integer CHECK (trained_count > 0),
    trained_names text[] NOT NULL DEFAULT '{}',
    -- 五技 contracts: type, value, amount received, registry number.
    contract_type text CHECK (contract_type IN ('development', 'transfer', 'licence', 'consulting', 'service')),
    contract_value numeric(14, 2) CHECK (contract_value >= 0),
    amount_received numeric(14, 2) CHECK (amount_received >= 0),
    registry_number text,
    patent_number text,
    status text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'verified', 'rejected')),
    status_reason text,
    reported_by bigint REFERENCES account (id),
    verified_by bigint REFERENCES account (id),
    verified_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (kind <> 'staff_trained' OR trained_count IS NOT NULL),
    CHECK (kind <> 'contract' OR (contract_type IS NOT NULL AND contract_value IS NOT NULL)),
    CHECK (status <> 'rejected' OR length(btrim(coalesce(status_reason, ''))) > 0)
);
CREATE INDEX outcome_assignment ON outcome (assignment_id);
CREATE INDEX outcome_verified ON outcome (kind, achieved_on) WHERE status = 'verified';

-- Evidence files: stored with their checksum; written in the same transaction as the outcome.
CREATE TABLE outcome_evidence (
    id bigserial PRIMARY KEY,
    outcome_id bigint NOT NULL REFERENCES outcome (id) ON DELETE CASCADE,
    filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    content_type text NOT NULL CHECK (content_type IN (
        'application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
    size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX outcome_evidence_outcome ON outcome_evidence (outcome_id);

-- Annual and final assessments of a dispatch.
CREATE TABLE assessment (
    id bigserial PRIMARY KEY,
    assignment_id bigint NOT NULL REFERENCES assignment (id),
    period text NOT NULL CHECK (period ~ '^([0-9]{4}|final)$'),
    grade text NOT NULL CHECK (grade IN ('excellent', 'good', 'pass', 'fail')),
    comments text NOT NULL DEFAULT '',
    assessed_by bigint REFERENCES account (id),
    assessed_on date NOT NULL,
    UNIQUE (assignment_id, period)
);

-- A renewal continues an earlier dispatch: the same person, counted once in the statistics.
ALTER TABLE assignment ADD COLUMN renews_assignment_id bigint REFERENCES assignment (id);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON service_log FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON outcome FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON assessment FOR EACH ROW EXECUTE FUNCTION audit_row();
