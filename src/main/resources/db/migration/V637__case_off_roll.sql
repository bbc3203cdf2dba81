-- An open case at its pupil's main school when an import shows the pupil is no longer on that
-- school's roll (its leaving date past, no school to follow): the case cannot follow the pupil and
-- would otherwise stay there silently. Identification after an import records it here; the
-- authority's "Cases that did not follow their pupil" page lists each while the case is open and
-- still at that school. A later import that shows the pupil back on the roll removes it.
-- Portable SQL: H2 and PostgreSQL.
CREATE TABLE att_case_off_roll (
  case_reference VARCHAR(64) NOT NULL,
  upn VARCHAR(13) NOT NULL,
  school_urn VARCHAR(16) NOT NULL,
  left_on DATE NOT NULL,
  noticed_at TIMESTAMP NOT NULL,
  import_id INTEGER NOT NULL,
  CONSTRAINT att_case_off_roll_pk PRIMARY KEY (case_reference)
);
