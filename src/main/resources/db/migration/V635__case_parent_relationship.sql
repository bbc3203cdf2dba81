-- "Find a pupil" names the parent whose row a postcode or address search matched ("Parent matched:
-- Jo Smith (mother), 1 Marine Parade ...") from that row itself, not from the case's parents read
-- again (which may have changed since the row was written): the row keeps the parent's relationship
-- to the child as the case recorded it (ParentStanding's code, e.g. mother; NULL when not recorded).
-- Written with the parents by the search table's writer; V636 fills it for rows written before.
-- Portable SQL: H2 and PostgreSQL.
ALTER TABLE cf_case_parent ADD COLUMN relationship VARCHAR(40);
