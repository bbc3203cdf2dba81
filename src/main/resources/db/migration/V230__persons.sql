-- Liable parents are persons that outlive a case (issue #12 item 3): a parent named again by a
-- later case, an import or a notice recorded from elsewhere is matched to the same person, so
-- every limit counts per person per child whatever order a form lists the parents in
-- (SI 2007/1867 reg 7A: two notices to the same parent for the same child in three years; reg 4:
-- the second-notice rate). Portable SQL: H2 and PostgreSQL.

-- Person ids P-000123, from one counter row; the row lock taken before matching also keeps two
-- nodes from creating the same person twice.
CREATE TABLE person_counter (
  counter_id INTEGER NOT NULL,
  last_number BIGINT NOT NULL,
  CONSTRAINT person_counter_pk PRIMARY KEY (counter_id)
);
INSERT INTO person_counter (counter_id, last_number) VALUES (1, 0);

CREATE TABLE person (
  person_id VARCHAR(16) NOT NULL,
  name VARCHAR(200) NOT NULL,
  address VARCHAR(500) NOT NULL,
  date_of_birth DATE,
  -- normalised name | address | date of birth (empty when unknown): what a match compares
  match_key VARCHAR(720) NOT NULL,
  -- the person this one was merged into (always the surviving person: merges are flattened)
  merged_into VARCHAR(16),
  created_at TIMESTAMP NOT NULL,
  merged_at TIMESTAMP,
  CONSTRAINT person_pk PRIMARY KEY (person_id),
  CONSTRAINT person_match_uk UNIQUE (match_key)
);
CREATE INDEX person_merged_into_ix ON person (merged_into);

-- Every merge an officer made: who, when, why, which ids. A merge is never undone.
CREATE TABLE person_merge (
  merged_id VARCHAR(16) NOT NULL,
  survivor_id VARCHAR(16) NOT NULL,
  merged_by VARCHAR(64) NOT NULL,
  merged_at TIMESTAMP NOT NULL,
  reason VARCHAR(500) NOT NULL,
  CONSTRAINT person_merge_pk PRIMARY KEY (merged_id)
);
CREATE INDEX person_merge_survivor_ix ON person_merge (survivor_id);

-- The person a notice was given to. NULL for a notice whose parent id names no person (a notice
-- started with a caller's own parent id): it counts by its parent_id as before. Notices written
-- before persons existed are given a person at start-up when their parent id was a case's
-- position id (parent-1, parent-2): see docs/penalty-notices.md.
ALTER TABLE pn_notice ADD COLUMN person_id VARCHAR(16);
CREATE INDEX pn_notice_person_pupil_ix ON pn_notice (person_id, pupil_upn);
