-- Court outcomes (issue #12 item 12): a conviction may bring a fine and a parenting order, each
-- recorded; a court's direction to consider an education supervision order (Education Act 1996
-- s447) and the LA's decision with its reasons; the school's acknowledgement of the outcome.
ALTER TABLE court_proceedings ADD COLUMN parenting_order_months INTEGER;
ALTER TABLE court_proceedings ADD COLUMN parenting_order_ends_on DATE;
ALTER TABLE court_proceedings ADD COLUMN eso_directed BOOLEAN;
ALTER TABLE court_proceedings ADD COLUMN eso_decision_due DATE;
ALTER TABLE court_proceedings ADD COLUMN eso_decision VARCHAR(20);
ALTER TABLE court_proceedings ADD COLUMN eso_decision_reasons VARCHAR(4000);
ALTER TABLE court_proceedings ADD COLUMN eso_decided_on DATE;
ALTER TABLE court_proceedings ADD COLUMN acknowledged_by_school_on DATE;
