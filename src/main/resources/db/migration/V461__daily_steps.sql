-- The application's daily steps (docs/register.md): one row per step with the last day it ran and
-- the instant its last run began (a run looks at what ended from that instant on, so no change is
-- seen by two runs or by none). Every node of a cluster schedules the step; the node that locks the
-- row (SELECT ... FOR UPDATE) and finds the day not yet done runs it and records the day, so the
-- others find it done and the step runs once a day. Portable SQL: H2 and PostgreSQL.
CREATE TABLE att_daily_step (
  step VARCHAR(60) NOT NULL,
  last_day DATE,
  last_run TIMESTAMP,
  CONSTRAINT att_daily_step_pk PRIMARY KEY (step)
);

INSERT INTO att_daily_step (step, last_day) VALUES ('cases-follow-moved-pupils', NULL);

-- A case the step failed to move, tried again on each later run until it moves or no longer needs
-- to (then the row goes); failed_at and reason say when and why it last failed.
CREATE TABLE att_daily_step_failure (
  step VARCHAR(60) NOT NULL,
  upn VARCHAR(13) NOT NULL,
  ended_urn VARCHAR(9) NOT NULL,
  leaving_date DATE NOT NULL,
  main_urn VARCHAR(9) NOT NULL,
  after_enforcement BOOLEAN NOT NULL,
  failed_at TIMESTAMP NOT NULL,
  reason VARCHAR(2000) NOT NULL,
  CONSTRAINT att_daily_step_failure_pk PRIMARY KEY (step, upn)
);
