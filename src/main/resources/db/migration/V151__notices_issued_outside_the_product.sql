-- Notices issued outside the product (issue #12 item 4): a head teacher, the police or another
-- local authority may have issued a notice to the same parent for the same child. They are rows of
-- the same register, recorded by the compliance team, so they count towards the limit of 2 in 3
-- years, the second-notice rate and the census. They have no process of their own.
-- Portable SQL: H2 and PostgreSQL.

ALTER TABLE pn_notice ADD COLUMN issued_by VARCHAR(16) DEFAULT 'local-authority' NOT NULL;
ALTER TABLE pn_notice ADD CONSTRAINT pn_notice_issued_by_ck
  CHECK (issued_by IN ('local-authority', 'head-teacher', 'police', 'other-la'));
-- who issued it and their own reference (e.g. the school's or the force's notice number)
ALTER TABLE pn_notice ADD COLUMN issuer_name VARCHAR(200);
ALTER TABLE pn_notice ADD COLUMN issuer_reference VARCHAR(64);
ALTER TABLE pn_notice ALTER COLUMN process_instance_id DROP NOT NULL;
