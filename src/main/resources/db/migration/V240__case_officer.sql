-- The officer a senior practitioner gave a case to (docs/security.md, "Caseloads and
-- reassignment"), in place of the school's named officer: the case's variable caseOfficer, kept
-- in the case file's search table so an officer's caseload follows the case. Portable SQL.
ALTER TABLE cf_case ADD case_officer VARCHAR(64);
CREATE INDEX cf_case_officer_ix ON cf_case (case_officer);
