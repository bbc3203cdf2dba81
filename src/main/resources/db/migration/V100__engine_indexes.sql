-- Indexes on Camunda's own tables for the queries this application makes. Plain SQL that
-- H2 and PostgreSQL both accept. Runs after the engine created its schema (EngineTuning).
-- Reasons: docs/adr/0003-engine-tuning.md

-- The job executor acquires by due date (jobExecutorAcquireByDueDate with
-- ensureJobDueDateNotNull): "DUEDATE_ <= now ... order by DUEDATE_" on every poll of every node.
create index if not exists ATT_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_);

-- Tasklist's group filters: candidate links of a group, joined to their tasks.
create index if not exists ATT_IDX_IDENT_LNK_GROUP_TASK on ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);
