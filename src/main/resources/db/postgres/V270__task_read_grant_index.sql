-- PostgreSQL only (application-postgres.yaml adds this location).
--
-- Tasklist's task queries (a filter's list and its count badge) keep, of the grants on a task
-- (resource type 7), only those with READ (PERMS_ & 2 = 2), and of the grants on process
-- definitions (6) those with READ_TASK. A caseworker's grant on a task carries no READ (they
-- read every task through their grant on the process definitions, docs/security.md "What a grant
-- on a task adds"), yet V260's index on task and process-definition grants still returns it for
-- every task, to be read and discarded: two of the three rows an officer's task joined.
-- This index holds only the grants that can let someone read a task: process-definition grants
-- and task grants with READ. The task query's condition (RESOURCE_TYPE_ = 7 AND PERMS_ & 2 = 2
-- OR RESOURCE_TYPE_ = 6 AND ...) implies its predicate once the parameters are bound
-- (plan_cache_mode = force_custom_plan, application-postgres.yaml), so PostgreSQL probes it for
-- each task: a filter's count at 100,000 open tasks read about a third of the buffers on a copy of
-- the benchmark's rows (docs/benchmarks.md (3)). V260's index stays for the queries this one
-- cannot serve (with revoke checks, which read grants whatever their permissions).
create index if not exists att_idx_auth_task_read on act_ru_authorization (resource_id_)
  where resource_type_ = 6 or resource_type_ = 7 and perms_ & 2 = 2;
analyze act_ru_authorization;
