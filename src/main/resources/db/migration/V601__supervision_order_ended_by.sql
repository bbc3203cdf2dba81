-- Why an education supervision order ended before its time: 'discharge' (the court discharged it,
-- Children Act 1989 Sch 3 para 17(1)) or 'care-order' (a care order was made with respect to the
-- child, and the order ceased to have effect, para 15(6)(b)). Rows recorded before were discharges.
ALTER TABLE supervision_order_discharge ADD COLUMN ended_by VARCHAR(16) DEFAULT 'discharge' NOT NULL;
