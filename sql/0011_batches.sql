-- Match batches (匹配批次), their proposals and alternates, publication objections, and the assignments that
-- dispatch creates. Settings are stored with the batch so any result can be reproduced.
CREATE TABLE match_batch (
    id bigserial PRIMARY KEY,
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    status text NOT NULL DEFAULT 'created' CHECK (status IN (
        'created', 'queued', 'running', 'failed', 'proposals_ready', 'under_review', 'published', 'finalized',
        'cancelled')),
    settings jsonb NOT NULL,
    -- 补录: a follow-up batch for what an earlier batch left unmatched.
    parent_batch_id bigint REFERENCES match_batch (id),
    created_by bigint REFERENCES account (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- The background run: who holds it (process id), its heartbeat, attempts, progress and outcome.
    run_owner text,
    run_heartbeat timestamptz,
    run_attempts integer NOT NULL DEFAULT 0,
    run_phase text,
    run_progress jsonb NOT NULL DEFAULT '{}',
    run_error text,
    run_started_at timestamptz,
    run_finished_at timestamptz,
    diagnosis jsonb NOT NULL DEFAULT '[]',
    total_score bigint,
    publish_from date,
    publish_until date,
    finalized_at timestamptz,
    status_reason text
);
CREATE INDEX match_batch_runnable ON match_batch (status, run_heartbeat) WHERE status IN ('queued', 'running');

-- One proposed pair of a batch, with its explanation.
CREATE TABLE proposal (
    id bigserial PRIMARY KEY,
    batch_id bigint NOT NULL REFERENCES match_batch (id) ON DELETE CASCADE,
    need_id bigint NOT NULL REFERENCES need (id),
    expert_id bigint NOT NULL REFERENCES expert (id),
    enterprise_id bigint NOT NULL REFERENCES organization (id),
    score double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
    explanation jsonb NOT NULL,
    status text NOT NULL DEFAULT 'proposed'
        CHECK (status IN ('proposed', 'accepted', 'rejected', 'withdrawn', 'dispatched')),
    locked boolean NOT NULL DEFAULT false,
    status_reason text,
    enterprise_response text CHECK (enterprise_response IN ('confirmed', 'declined')),
    enterprise_reason text,
    expert_response text CHECK (expert_response IN ('confirmed', 'declined')),
    expert_reason text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (batch_id, need_id, expert_id)
);
CREATE INDEX proposal_need ON proposal (need_id);
CREATE INDEX proposal_expert ON proposal (expert_id);

-- The next-best candidates of each need in a batch, with the reason each was not chosen.
CREATE TABLE proposal_alternate (
    batch_id bigint NOT NULL REFERENCES match_batch (id) ON DELETE CASCADE,
    need_id bigint NOT NULL REFERENCES need (id),
    expert_id bigint NOT NULL REFERENCES expert (id),
    rank integer NOT NULL,
    score double precision NOT NULL,
    explanation jsonb NOT NULL,
    reason text NOT NULL,
    PRIMARY KEY (batch_id, need_id, expert_id)
);

-- Written objections during publication (公示), under the objector's real name.
CREATE TABLE objection (
    id bigserial PRIMARY KEY,
    batch_id bigint NOT NULL REFERENCES match_batch (id),
    proposal_id bigint NOT NULL REFERENCES proposal (id),
    filed_by bigint NOT NULL REFERENCES account (id),
    real_name text NOT NULL CHECK (length(btrim(real_name)) BETWEEN 2 AND 50),
    body text NOT NULL CHECK (length(btrim(body)) BETWEEN 10 AND 5000),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed')),
    resolution text,
    resolved_by bigint REFERENCES account (id),
    resolved_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'open') = (resolved_at IS NULL)),
    CHECK (status = 'open' OR length(btrim(coalesce(resolution, ''))) > 0)
);
CREATE INDEX objection_batch ON objection (batch_id, status);

-- A dispatch (选派): expert, enterprise, need and term, with the tri-party agreement on record.
CREATE TABLE assignment (
    id bigserial PRIMARY KEY,
    batch_id bigint REFERENCES match_batch (id),
    proposal_id bigint UNIQUE REFERENCES proposal (id),
    need_id bigint NOT NULL REFERENCES need (id),
    expert_id bigint NOT NULL REFERENCES expert (id),
    enterprise_id bigint NOT NULL REFERENCES organization (id),
    term_start date NOT NULL,
    term_end date NOT NULL,
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'terminated', 'renewed')),
    agreement_ref text,
    agreement_signed_on date,
    created_by bigint REFERENCES account (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (term_end > term_start)
);
CREATE INDEX assignment_expert ON assignment (expert_id) WHERE status = 'active';
CREATE INDEX assignment_enterprise ON assignment (enterprise_id) WHERE status = 'active';

-- The program-wide cap of experts per enterprise (DOMAIN.md: default 3), kept as data so staff can change it.
CREATE TABLE program_setting (
    key text PRIMARY KEY,
    value jsonb NOT NULL
);
INSERT INTO program_setting VALUES ('max_experts_per_enterprise', '3');

-- The database itself guarantees capacities: an active assignment may not take an expert past their capacity or
-- an enterprise past the cap. The trigger locks the expert's and the enterprise's rows first, so concurrent
-- finalizations serialize on them and the count they see is the committed one.
CREATE FUNCTION assignment_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cap integer;
    used integer;
BEGIN
    IF NEW.status <> 'active' THEN
        RETURN NEW;
    END IF;
    SELECT capacity INTO cap FROM expert WHERE id = NEW.expert_id FOR UPDATE;
    SELECT count(*) INTO used FROM assignment WHERE expert_id = NEW.expert_id AND status = 'active' AND id <> NEW.id;
    IF used + 1 > cap THEN
        RAISE EXCEPTION 'expert % would exceed capacity %', NEW.expert_id, cap
            USING ERRCODE = '23514', CONSTRAINT = 'assignment_expert_capacity';
    END IF;
    PERFORM 1 FROM organization WHERE id = NEW.enterprise_id FOR UPDATE;
    SELECT (value #>> '{}')::int INTO cap FROM program_setting WHERE key = 'max_experts_per_enterprise';
    SELECT count(*) INTO used FROM assignment
        WHERE enterprise_id = NEW.enterprise_id AND status = 'active' AND id <> NEW.id;
    IF used + 1 > coalesce(cap, 3) THEN
        RAISE EXCEPTION 'enterprise % would exceed its cap %', NEW.enterprise_id, cap
            USING ERRCODE = '23514', CONSTRAINT = 'assignment_enterprise_cap';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER assignment_capacity BEFORE INSERT OR UPDATE OF status, expert_id, enterprise_id ON assignment
    FOR EACH ROW EXECUTE FUNCTION assignment_within_capacity();

ALTER TABLE state_transition DROP CONSTRAINT state_transition_entity_check;
ALTER TABLE state_transition ADD CONSTRAINT state_transition_entity_check
    CHECK (entity IN ('need', 'expert', 'organization', 'batch', 'proposal', 'assignment'));

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON match_batch FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON objection FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON assignment FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON proposal FOR EACH ROW EXECUTE FUNCTION audit_row();
