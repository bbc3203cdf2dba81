-- Case references AC-<year>-<number> (the business key of an AttendanceCase), one counter
-- row per year; the row lock of the update keeps allocation unique across nodes.
CREATE TABLE ac_reference_counter (
  case_year INTEGER NOT NULL,
  last_number BIGINT NOT NULL,
  CONSTRAINT ac_reference_counter_pk PRIMARY KEY (case_year)
);
