-- "Find a pupil" by a parent's outward code alone ("SS1": the district, docs/casefile.md): one equal
-- look-up on an index, as the whole postcode's. A prefix (postcode LIKE 'SS1%') would both take in
-- SS14's postcodes and, on PostgreSQL with a non-C collation, read every person (a LIKE cannot use
-- a plain B-tree there). Portable SQL: H2 and PostgreSQL.

-- The postcode's outward code (SS19ZX: SS1), written with the postcode (Persons); NULL when none.
ALTER TABLE person ADD COLUMN postcode_outward VARCHAR(4);
UPDATE person SET postcode_outward = SUBSTRING(postcode, 1, LENGTH(postcode) - 3) WHERE postcode IS NOT NULL;
CREATE INDEX person_postcode_outward_ix ON person (postcode_outward);
