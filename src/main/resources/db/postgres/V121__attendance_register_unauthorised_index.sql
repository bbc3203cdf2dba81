-- PostgreSQL only (application-postgres.yaml adds this location).
--
-- The national threshold reads a pupil's unauthorised marks (G, N, O, U: category 'U') over the
-- weeks of its window, for one pupil or for every pupil an import touched. They are about one
-- mark in twenty; a partial index holds only them, in the order the figures read them, so
-- identification after a day's feed of the whole authority reads the unauthorised marks from a
-- small index instead of every mark of the year (docs/benchmarks.md). H2 has no partial index;
-- there the primary key serves.
CREATE INDEX IF NOT EXISTS att_mark_unauthorised_ix ON att_mark (pupil_id, mark_date) WHERE category = 'U';
