-- "Closed cases by outcome" counts the cases no longer needed by their reason. The reason was read
-- from the engine's history (ACT_HI_VARINST), which history cleanup removes some years after a case
-- ends while the outcome stays in the search table, so old periods lost their reasons but kept their
-- outcomes. The reason's key is now kept in the search table next to the outcome, written with it
-- (CaseIndexHandler). The cases already closed no longer needed get the reason their history still
-- holds: the case's own (process instance) value first, else any one of its scopes'. Portable SQL:
-- H2 and PostgreSQL.
ALTER TABLE cf_case ADD COLUMN no_longer_needed_reason VARCHAR(4000);

UPDATE cf_case SET no_longer_needed_reason = COALESCE(
    (SELECT MAX(v.TEXT_) FROM ACT_HI_VARINST v
      WHERE v.PROC_INST_ID_ = cf_case.process_instance_id AND v.EXECUTION_ID_ = cf_case.process_instance_id
        AND v.NAME_ = 'noLongerNeededReason'),
    (SELECT MAX(v.TEXT_) FROM ACT_HI_VARINST v
      WHERE v.PROC_INST_ID_ = cf_case.process_instance_id AND v.NAME_ = 'noLongerNeededReason'))
  WHERE case_outcome = 'no-longer-needed' AND closed_at IS NOT NULL;
