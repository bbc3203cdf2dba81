-- The penalty notice register (domain notes §5, "Records the LA must keep"): every notice,
-- every payment and its date, withdrawal and its grounds, prosecution. Portable SQL: runs on
-- H2 and PostgreSQL. Tables are prefixed pn_ and live next to the engine's ACT_ tables.

-- Notice numbers PN-<year>-<number>, one counter row per year; a row lock makes the
-- allocation safe when several nodes share the database.
CREATE TABLE pn_number_counter (
  notice_year INTEGER NOT NULL,
  last_number BIGINT NOT NULL,
  CONSTRAINT pn_number_counter_pk PRIMARY KEY (notice_year)
);

CREATE TABLE pn_notice (
  notice_number VARCHAR(20) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  case_reference VARCHAR(64),
  pupil_upn VARCHAR(13) NOT NULL,
  pupil_name VARCHAR(200) NOT NULL,
  school_urn VARCHAR(6) NOT NULL,
  parent_id VARCHAR(64) NOT NULL,
  parent_name VARCHAR(200) NOT NULL,
  parent_address VARCHAR(500) NOT NULL,
  notice_reason VARCHAR(16) NOT NULL,
  offence_from DATE NOT NULL,
  offence_to DATE NOT NULL,
  unauthorised_sessions INTEGER,
  notice_sequence INTEGER NOT NULL,
  rate_scheme VARCHAR(16) NOT NULL,
  issued_on DATE NOT NULL,
  deemed_received_on DATE NOT NULL,
  reduced_amount DECIMAL(8, 2),
  full_amount DECIMAL(8, 2) NOT NULL,
  reduced_deadline DATE,
  final_deadline DATE NOT NULL,
  information_deadline DATE NOT NULL,
  status VARCHAR(16) NOT NULL,
  amount_paid DECIMAL(8, 2),
  paid_on DATE,
  withdrawal_reason VARCHAR(500),
  withdrawal_ground VARCHAR(40),
  withdrawn_on DATE,
  prosecuted_on DATE,
  court_outcome VARCHAR(40),
  evidence_leave_application BOOLEAN,
  evidence_written_refusal BOOLEAN,
  evidence_written_warning BOOLEAN,
  evidence_registration_certificate BOOLEAN,
  -- parent|pupil|offence period while the notice stands; NULL once withdrawn (so a corrected
  -- notice may follow): never two standing notices for the same parent, child and period.
  active_key VARCHAR(200),
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  CONSTRAINT pn_notice_pk PRIMARY KEY (notice_number),
  CONSTRAINT pn_notice_process_uk UNIQUE (process_instance_id),
  CONSTRAINT pn_notice_active_uk UNIQUE (active_key),
  CONSTRAINT pn_notice_status_ck CHECK (status IN ('issued', 'unpaid', 'paid', 'withdrawn', 'prosecuted')),
  CONSTRAINT pn_notice_reason_ck CHECK (notice_reason IN ('holiday', 'late', 'other'))
);

CREATE INDEX pn_notice_parent_pupil_ix ON pn_notice (parent_id, pupil_upn, issued_on);
CREATE INDEX pn_notice_case_ix ON pn_notice (case_reference);
CREATE INDEX pn_notice_issued_ix ON pn_notice (issued_on);

-- Every payment and its date. No part payments: one accepted payment per notice.
CREATE TABLE pn_payment (
  notice_number VARCHAR(20) NOT NULL,
  amount DECIMAL(8, 2) NOT NULL,
  paid_on DATE NOT NULL,
  recorded_at TIMESTAMP NOT NULL,
  CONSTRAINT pn_payment_pk PRIMARY KEY (notice_number),
  CONSTRAINT pn_payment_notice_fk FOREIGN KEY (notice_number) REFERENCES pn_notice (notice_number)
);
