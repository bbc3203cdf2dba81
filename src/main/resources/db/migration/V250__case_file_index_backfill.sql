-- The case file's search table is filled as cases change (V170). Cases that existed before it
-- (an upgraded database) are added by CaseIndexBackfill when a node starts. Its batches, and a
-- change to a case that is not yet in the table, take this one row's lock first, so two nodes
-- starting at once never index the same case twice and a change made while a case is being
-- indexed is never lost. Portable SQL: H2 and PostgreSQL.
CREATE TABLE cf_case_backfill (
  id INTEGER NOT NULL,
  CONSTRAINT cf_case_backfill_pk PRIMARY KEY (id)
);

INSERT INTO cf_case_backfill (id) VALUES (1);
