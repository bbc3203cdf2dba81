-- How a payment of a penalty notice reached the authority (card, bank transfer, cheque, cash) and
-- its reference (the payment system's, the cheque number), recorded by the compliance team with
-- the payment on the register page or through the API. Both optional: payments recorded before
-- this, and payments sent by a payment system as the PenaltyNoticePaid message, have neither.
-- Portable SQL: H2 and PostgreSQL.

ALTER TABLE pn_payment ADD COLUMN payment_method VARCHAR(20);
ALTER TABLE pn_payment ADD COLUMN payment_reference VARCHAR(64);
