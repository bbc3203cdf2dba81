-- The prosecutor's costs a magistrates' court orders a convicted parent to pay the authority
-- (Prosecution of Offences Act 1985 s18), in pounds; 0 when none were awarded, NULL when not recorded
-- (outcomes recorded before the form asked).
ALTER TABLE court_proceedings ADD COLUMN costs_awarded DECIMAL(8, 2);
