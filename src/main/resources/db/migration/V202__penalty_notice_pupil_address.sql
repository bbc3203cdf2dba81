-- The child's address on a penalty notice (issue #12 item 10; the Education (Penalty Notices)
-- (England) Regulations 2007 reg 3, form and content): taken when the notice is prepared from the
-- register of attendance marks (att_pupil.address) or, for a pupil the register has no address
-- for, from the case's pupilAddress. Empty for a notice recorded as issued by others.
ALTER TABLE pn_notice ADD COLUMN pupil_address VARCHAR(500);
