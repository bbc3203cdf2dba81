-- PostgreSQL only (application-postgres.yaml adds this location).
--
-- Tasklist's task queries join the grants a user holds: "(USER_ID_ in (user, '*') or GROUP_ID_ in
-- (groups)) and (RESOURCE_TYPE_ = 7 and PERMS_ & 2 = 2 or RESOURCE_TYPE_ = 6 and PERMS_ & 64 = 64)".
-- An officer holds one grant per open task offered to them or their team, but without READ (they
-- read every task through their team's grant on the process definitions, docs/security.md "What a
-- grant on a task adds"). PostgreSQL takes the principal test and the permission test as
-- independent, so it expects tens of thousands of an officer's grants to pass both where one does
-- (44,014 rows expected, 1 found, at 100,000 open tasks), and probes the grants' index three times
-- for every task. With statistics on the combinations of these columns it expects a handful, reads
-- the user's grants once and joins them to the tasks by process definition: a filter's count at
-- 100,000 open tasks took 0.45 s instead of 0.70 s on the benchmark's rows (docs/benchmarks.md (3)),
-- a school's count 5 ms instead of 24 ms. READ_INSTANCE (512) and READ_HISTORY (4096) are there for
-- Cockpit's and the history's queries, which test them the same way. Needs PostgreSQL 14 or later.
create statistics if not exists att_stat_auth_principal_perms (mcv)
  on user_id_, group_id_, resource_type_, (perms_ & 2), (perms_ & 64), (perms_ & 512), (perms_ & 4096)
  from act_ru_authorization;
analyze act_ru_authorization;
