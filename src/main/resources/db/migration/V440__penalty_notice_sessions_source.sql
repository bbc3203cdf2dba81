-- Where the unauthorised sessions a penalty notice states for its offence period come from:
-- 'marks' (counted from the register of attendance marks) or 'register-printout' (the count the
-- officer confirmed from the school's attendance register printout, for a pupil the register holds
-- no marks for). Empty when the notice states no count, and for a notice recorded as issued by others.
ALTER TABLE pn_notice ADD COLUMN sessions_source VARCHAR(20);
