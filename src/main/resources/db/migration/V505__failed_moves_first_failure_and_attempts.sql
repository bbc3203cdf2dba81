-- The failed moves page (docs/register.md, "Failed moves"): a case the daily step could not move keeps
-- when it first failed and how many runs have tried it, beside when and why it last failed
-- (failed_at, reason). A row kept before this keeps its last failure as its first, tried once.
-- Portable SQL: H2 and PostgreSQL.
ALTER TABLE att_daily_step_failure ADD COLUMN first_failed_at TIMESTAMP;
ALTER TABLE att_daily_step_failure ADD COLUMN attempts INTEGER DEFAULT 1 NOT NULL;
UPDATE att_daily_step_failure SET first_failed_at = failed_at;
ALTER TABLE att_daily_step_failure ALTER COLUMN first_failed_at SET NOT NULL;
