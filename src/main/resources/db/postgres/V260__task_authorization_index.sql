-- PostgreSQL only (application-postgres.yaml adds this location).
--
-- Tasklist's task queries (a filter's list and its count badge) join each task to the grants
-- that could let the signed-in person read it: grants on the task itself (resource type 7), on
-- its process definition (6) and wildcard grants ('*'). The engine's index on RESOURCE_ID_ alone
-- also returns every other kind of grant with that id, above all the dozens of wildcard grants
-- the roles hold on filters, applications, decisions, history and so on, which PostgreSQL then
-- reads and discards again for every task (63 of 67 rows per task at 100,000 open tasks).
-- The task query's own condition (RESOURCE_TYPE_ = 7 ... OR RESOURCE_TYPE_ = 6 ...) implies this
-- index's predicate, so the planner probes only task and process-definition grants: a filter's
-- count at 100,000 open tasks took half the time in a copy of the benchmark's rows
-- (docs/benchmarks.md (3)).
create index if not exists att_idx_auth_task_resource on act_ru_authorization (resource_id_)
  where resource_type_ in (6, 7);
analyze act_ru_authorization;
