-- The audit log: a trigger on every business table records who, what, when, and the row before and after.
-- The acting account and request id come from transaction-local settings (SET LOCAL kczy.actor_id / kczy.request_id),
-- so no write path, including ad-hoc SQL by an operator, can skip the log.
CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor_id bigint,
    request_id text,
    action text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    entity text NOT NULL,
    entity_id text,
    before jsonb,
    after jsonb
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);

CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
BEGIN
    -- Secrets never enter the log.
    old_row := old_row - 'password_hash';
    new_row := new_row - 'password_hash';
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NEW;
    END IF;
    INSERT INTO audit_log (actor_id, request_id, action, entity, entity_id, before, after)
    VALUES (nullif(current_setting('kczy.actor_id', true), '')::bigint,
            nullif(current_setting('kczy.request_id', true), ''),
            TG_OP, TG_TABLE_NAME, coalesce(new_row ->> 'id', old_row ->> 'id'), old_row, new_row);
    RETURN coalesce(NEW, OLD);
END;
$$;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON organization FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON organization_alias FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON expert FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON need FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON account FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON conflict FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON cooperation FOR EACH ROW EXECUTE FUNCTION audit_row();
