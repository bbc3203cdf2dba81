-- A notice someone else issued (a head teacher, the police, another local authority) is withdrawn or
-- paid with its issuer, not through a process of ours: the compliance team records what the issuer
-- reports, and who told them (SI 2007/1867 reg 20: the records of payments and withdrawals).
ALTER TABLE pn_notice ADD COLUMN withdrawal_reported_by VARCHAR(200);
ALTER TABLE pn_notice ADD COLUMN payment_reported_by VARCHAR(200);
