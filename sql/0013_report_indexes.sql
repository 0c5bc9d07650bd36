-- Indexes for the issue 6 reports and dashboards, found with scripts/bench-reports.sh on 100,000 experts, 50,000
-- assignments, 500,000 outcomes and 1.1 million service logs (see BENCHMARKS.md).

-- Tenant filters. An enterprise sees its own dispatches of every status, and a commissioner sees their own. The
-- partial indexes of 0011 cover active ones only (the capacity trigger uses them), so every enterprise report and
-- list read all 50,000 assignments.
CREATE INDEX assignment_enterprise_any ON assignment (enterprise_id);
CREATE INDEX assignment_expert_any ON assignment (expert_id);

-- A unit admin's experts, with the expert columns the reports group by. Reports use an index-only scan instead of
-- reading the wide expert rows (summaries and keywords: 75 MB at 100,000 experts). Replaces expert_unit, a prefix.
CREATE INDEX expert_unit_report ON expert (unit_id, id) INCLUDE (degree, birth_year);
DROP INDEX expert_unit;

-- The headline counts verified outcomes only: an index-only scan of the verified ones with the columns it adds up.
CREATE INDEX outcome_verified_report ON outcome (assignment_id)
    INCLUDE (kind, achieved_on, trained_count, contract_value, amount_received) WHERE status = 'verified';

-- Outcomes awaiting verification: the staff dashboard's count and the verification queue.
CREATE INDEX outcome_reported ON outcome (assignment_id) WHERE status = 'reported';

-- Days served per assignment in a year (the service-day warnings): sum(days) from the index alone. Replaces
-- service_log_assignment, a prefix.
CREATE INDEX service_log_assignment_days ON service_log (assignment_id, served_on) INCLUDE (days);
DROP INDEX service_log_assignment;
