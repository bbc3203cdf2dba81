-- PostgreSQL only (application-postgres.yaml adds this location).
--
-- Every query Tasklist and Cockpit make with authorizations on joins ACT_RU_AUTHORIZATION
-- filtered by a bitwise test of the permission, e.g. "PERMS_ & 2 = 2" (READ). PostgreSQL
-- cannot estimate how many rows such a test keeps and guesses a handful; there is one grant
-- per open task and candidate group, so the guess is tens of thousands of rows short, and the
-- planner joins every task to every grant: a filter's count took minutes at 60,000 open
-- tasks. Statistics on the expressions give the planner the real numbers; it then looks each
-- task's grants up by the resource-id index (about 2 s for the count at 60,000 tasks, a
-- first page in 0.1 s). The permissions are those Tasklist and Cockpit check: READ (2),
-- READ_TASK (64), READ_INSTANCE (512), READ_HISTORY (4096). Needs PostgreSQL 14 or later.
create statistics if not exists att_stat_auth_perm_read on (perms_ & 2) from act_ru_authorization;
create statistics if not exists att_stat_auth_perm_read_task on (perms_ & 64) from act_ru_authorization;
create statistics if not exists att_stat_auth_perm_read_instance on (perms_ & 512) from act_ru_authorization;
create statistics if not exists att_stat_auth_perm_read_history on (perms_ & 4096) from act_ru_authorization;
analyze act_ru_authorization;
