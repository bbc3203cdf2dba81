-- Each pupil's totals per academic year (the academic year's first calendar year: 2026 for
-- 2026-27), kept by the import as it writes marks: +1 for a new mark's category, -1/+1 for a
-- corrected one, in the same transaction as the marks. Identification after a day's feed of the
-- whole authority reads the year's totals here instead of counting every mark of the year again
-- (docs/benchmarks.md); the figures for any other date are counted from the marks.
CREATE TABLE att_pupil_year (
  pupil_id INTEGER NOT NULL,
  academic_year SMALLINT NOT NULL,
  possible_sessions INTEGER NOT NULL,
  present_sessions INTEGER NOT NULL,
  authorised_absence INTEGER NOT NULL,
  unauthorised_absence INTEGER NOT NULL,
  CONSTRAINT att_pupil_year_pk PRIMARY KEY (pupil_id, academic_year)
);
