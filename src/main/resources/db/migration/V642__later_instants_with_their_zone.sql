-- The two moments added by V637 and V638 as TIMESTAMP without a zone, which V640 (written beside
-- them, naming its columns) did not convert: when an import found a case off its school's roll,
-- and when an import's rejected rows were removed under the retention rule. Kept as V640 keeps
-- every moment of the application's own tables: TIMESTAMP WITH TIME ZONE, the rows already kept
-- read in the session's zone, which each driver takes from the JVM's default zone, the zone they
-- were written in (run the migration with the application's usual zone, ADR 0011).
-- EveryMomentKeepsItsZoneTest refuses any later TIMESTAMP without a zone. H2 and PostgreSQL.
ALTER TABLE att_case_off_roll ALTER COLUMN noticed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE att_import ALTER COLUMN rejected_rows_removed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
