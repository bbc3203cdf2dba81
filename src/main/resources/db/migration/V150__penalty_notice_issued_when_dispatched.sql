-- A penalty notice is issued when it is posted or handed to the parent, not when the register
-- entry is written (issue #12, items 1 and 13). A notice is "prepared" until then; its day of
-- issue, how it was given (post or hand), its deemed receipt and its payment deadlines are
-- recorded when it is dispatched. Portable SQL: H2 and PostgreSQL.
--
-- Existing rows were all issued by post on their issued_on day. Their deadlines are left as they
-- were printed: a period told to a parent is not shortened afterwards (see docs/penalty-notices.md).

ALTER TABLE pn_notice ADD COLUMN prepared_on DATE;
UPDATE pn_notice SET prepared_on = issued_on;
ALTER TABLE pn_notice ALTER COLUMN prepared_on SET NOT NULL;

ALTER TABLE pn_notice ADD COLUMN delivery_method VARCHAR(8);
UPDATE pn_notice SET delivery_method = 'post';
ALTER TABLE pn_notice ADD CONSTRAINT pn_notice_delivery_ck CHECK (delivery_method IN ('post', 'hand'));

-- The authorised officer who issued the notice (SI 2007/1867 reg 3(c): name and official particulars).
ALTER TABLE pn_notice ADD COLUMN issuing_officer_id VARCHAR(64);
ALTER TABLE pn_notice ADD COLUMN issuing_officer_name VARCHAR(200);

ALTER TABLE pn_notice ALTER COLUMN issued_on DROP NOT NULL;
ALTER TABLE pn_notice ALTER COLUMN deemed_received_on DROP NOT NULL;
ALTER TABLE pn_notice ALTER COLUMN final_deadline DROP NOT NULL;

ALTER TABLE pn_notice DROP CONSTRAINT pn_notice_status_ck;
ALTER TABLE pn_notice ADD CONSTRAINT pn_notice_status_ck
  CHECK (status IN ('prepared', 'issued', 'unpaid', 'paid', 'withdrawn', 'prosecuted'));

CREATE INDEX pn_notice_prepared_ix ON pn_notice (status, prepared_on);
