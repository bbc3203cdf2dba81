-- Money received beyond the amount due on the day a penalty notice was paid (an overpayment): the
-- notice is recorded as paid with the money received, and the excess is a refund the authority owes
-- the payer. The compliance team records the refund once made: when, how, its reference and who
-- recorded it. One row per notice (one payment per notice). Portable SQL: H2 and PostgreSQL.

CREATE TABLE pn_refund (
  notice_number VARCHAR(20) NOT NULL,
  amount DECIMAL(8, 2) NOT NULL,
  refunded_on DATE,
  refund_method VARCHAR(20),
  refund_reference VARCHAR(64),
  refunded_by VARCHAR(128),
  recorded_at TIMESTAMP,
  CONSTRAINT pn_refund_pk PRIMARY KEY (notice_number),
  CONSTRAINT pn_refund_notice_fk FOREIGN KEY (notice_number) REFERENCES pn_notice (notice_number)
);
