-- The application's daily steps (docs/register.md): one row per step with the last day it ran.
-- Every node of a cluster schedules the step; the node that locks the row (SELECT ... FOR UPDATE)
-- and finds the day not yet done runs it and records the day, so the others find it done and the
-- step runs once a day. Portable SQL: H2 and PostgreSQL.
CREATE TABLE att_daily_step (
  step VARCHAR(60) NOT NULL,
  last_day DATE,
  CONSTRAINT att_daily_step_pk PRIMARY KEY (step)
);

INSERT INTO att_daily_step (step, last_day) VALUES ('cases-follow-moved-pupils', NULL);
