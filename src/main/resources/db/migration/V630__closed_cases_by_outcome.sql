-- "Closed cases by outcome" (ClosedCases): the cases that ended in a period, counted by school and
-- outcome in one grouped query over the case file's search table. This index lets that query read
-- only the period's rows (some 20,000 cases end in a year in a large authority), not every case.
-- Portable SQL: H2 and PostgreSQL.
CREATE INDEX cf_case_closed_ix ON cf_case (closed_at, school_urn, case_outcome);
