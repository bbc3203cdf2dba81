-- "Find a pupil" by a parent's address or postcode (docs/casefile.md): an officer types "SS1 9ZX"
-- or "1 Marine Parade" and gets the pupils whose parents live there. Portable SQL: H2 and
-- PostgreSQL. V501 fills both for what was recorded before.

-- The address's postcode, upper case without spaces (SS19ZX); NULL when the address has none. A
-- person's address never changes (another address is another person, PersonKey), so it is
-- written once, with the person (Persons).
ALTER TABLE person ADD COLUMN postcode VARCHAR(8);
CREATE INDEX person_postcode_ix ON person (postcode);

-- From a person to the cases naming them as a parent (the primary key starts with the case).
CREATE INDEX cf_case_parent_parent_ix ON cf_case_parent (parent_id);

-- The other words of the parents' addresses are the case's words of source 'a' in cf_case_word
-- (beside the pupil's name, 'p', and the parents' names, 'r'), kept by the search table's writer
-- with the parents, in the same statements.
