-- The notice's place among the notices to its parent for its child (1st, 2nd) as its letter printed
-- it when the notice was posted or handed over. notice_sequence follows the register (a notice
-- issued earlier but recorded later moves it along); the letter the parent holds does not change, so
-- the copy the authority keeps and prints again must not either. Empty while a notice is prepared.
ALTER TABLE pn_notice ADD COLUMN letter_sequence INTEGER;
-- notices issued before this column existed: the best record of what they printed is their place now
-- (only notices that were sent: one withdrawn before issue has no issued_on and never printed a place)
UPDATE pn_notice SET letter_sequence = notice_sequence WHERE issued_on IS NOT NULL AND issued_by = 'local-authority';
