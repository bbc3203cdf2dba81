-- "Closed cases by outcome" counts the cases no longer needed by their reason. The reason was read
-- from the engine's history (ACT_HI_VARINST), which history cleanup removes some years after a case
-- ends while the outcome stays in the search table, so old periods lost their reasons but kept their
-- outcomes. The reason's key is now kept in the search table next to the outcome, written with it
-- (CaseIndexHandler). The cases already closed no longer needed get the reason their history still
-- holds from V632 (CaseNoLongerNeededReasonBackfill: the engine's tables may not be there yet on a
-- new database). Portable SQL: H2 and PostgreSQL.
ALTER TABLE cf_case ADD COLUMN no_longer_needed_reason VARCHAR(4000);
