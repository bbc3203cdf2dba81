-- One open attendance case per pupil (issue #12 item 15). A row per pupil with an open case,
-- written by the case's start in the same transaction and removed when the case ends
-- (casework.OpenCaseOfPupil). The primary key is the guarantee: two starts for one pupil at
-- once, on one node or two, cannot both commit. Portable SQL: H2 and PostgreSQL.
CREATE TABLE ac_open_case (
  pupil_upn VARCHAR(13) NOT NULL,
  case_reference VARCHAR(64) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  CONSTRAINT ac_open_case_pk PRIMARY KEY (pupil_upn)
);

CREATE UNIQUE INDEX ac_open_case_instance_ix ON ac_open_case (process_instance_id);

-- The cases open when this version is installed (runs after the engine's schema exists). Where
-- a pupil already had two, the earlier-created one is recorded; the other stays open and is
-- listed by the case file, but no third can start.
INSERT INTO ac_open_case (pupil_upn, case_reference, process_instance_id)
SELECT v.TEXT_, COALESCE(e.BUSINESS_KEY_, e.ID_), e.ID_
FROM ACT_RU_EXECUTION e
JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_
JOIN ACT_RU_VARIABLE v ON v.EXECUTION_ID_ = e.ID_ AND v.NAME_ = 'pupilUpn'
WHERE d.KEY_ = 'AttendanceCase' AND e.ID_ = e.PROC_INST_ID_ AND v.TEXT_ IS NOT NULL
  AND e.ID_ = (
    SELECT MIN(e2.ID_)
    FROM ACT_RU_EXECUTION e2
    JOIN ACT_RE_PROCDEF d2 ON d2.ID_ = e2.PROC_DEF_ID_
    JOIN ACT_RU_VARIABLE v2 ON v2.EXECUTION_ID_ = e2.ID_ AND v2.NAME_ = 'pupilUpn'
    WHERE d2.KEY_ = 'AttendanceCase' AND e2.ID_ = e2.PROC_INST_ID_ AND v2.TEXT_ = v.TEXT_);
