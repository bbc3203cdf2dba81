-- Every moment the application's own tables keep (when a row was made, changed, printed, merged,
-- when a task is due) is an instant, and is now kept as one: TIMESTAMP WITH TIME ZONE. A TIMESTAMP
-- without a zone held the moment's clock time in the zone of the JVM that wrote it (the JDBC
-- drivers of H2 and PostgreSQL turn a java.sql.Timestamp into the JVM's local time, and back), so
-- the same row read by a JVM in another zone (a restart with another TZ, a second node of a
-- cluster) showed another moment, and another day in England near midnight. Days of the law
-- (issued on, paid on, leaving date, mark date) stay DATE: they are days in England, no moment.
--
-- The rows already kept are read as the moments they were written as: both databases take a
-- TIMESTAMP without a zone to be in the session's zone, which each driver sets from the JVM's
-- default zone, the zone they were written in (run the migration with the application's usual
-- zone, docs/adr/0011-instants-with-their-zone.md).
ALTER TABLE pn_notice ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE pn_notice ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE pn_payment ALTER COLUMN recorded_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE court_proceedings ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE att_pupil ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE att_import ALTER COLUMN submitted_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE att_import ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE att_import ALTER COLUMN finished_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE att_import ALTER COLUMN identified_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE att_calendar ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE cf_case ALTER COLUMN opened_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE cf_case ALTER COLUMN closed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE cf_case ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE cf_case_task ALTER COLUMN due_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE cf_case_task ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE cf_case_timer ALTER COLUMN due_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE ev_generated_document ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE cf_case_document ALTER COLUMN uploaded_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE person ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE person ALTER COLUMN merged_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE person_merge ALTER COLUMN merged_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE att_registration_repair ALTER COLUMN repaired_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE att_daily_step ALTER COLUMN last_run SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE att_daily_step_failure ALTER COLUMN failed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE att_daily_step_failure ALTER COLUMN first_failed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE pn_refund ALTER COLUMN recorded_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE pn_print_run ALTER COLUMN printed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE pn_print_run ALTER COLUMN last_copy_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
