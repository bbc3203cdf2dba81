-- An import's rejected rows as the file sent them (att_import_rejection.sent_row: pupils' names,
-- dates of birth, parents' names and addresses) are kept attendance.imports.rejected-rows-retention-days
-- (90 by default) after the import finished, then removed by RejectedRowsRetention; the import keeps
-- its counts and each rejection its row number, field and reason. This column says when they were
-- removed, so the import's page says so instead of offering rows it no longer has. NULL: not removed.
-- Portable SQL: H2 and PostgreSQL.
ALTER TABLE att_import ADD COLUMN rejected_rows_removed_at TIMESTAMP;
