-- Court proceedings (Level 5) and their outcomes, for the school's report and the Parental
-- Responsibility Measures census (parenting orders, education supervision orders).
CREATE TABLE court_proceedings (
  process_instance_id VARCHAR(64) NOT NULL,
  case_reference VARCHAR(64),
  notice_number VARCHAR(20),
  pupil_upn VARCHAR(13) NOT NULL,
  pupil_name VARCHAR(200) NOT NULL,
  school_urn VARCHAR(6) NOT NULL,
  parent_ids VARCHAR(500) NOT NULL,
  proceedings_type VARCHAR(40) NOT NULL,
  offence_section VARCHAR(16),
  information_deadline DATE,
  hearing_date DATE,
  court_outcome VARCHAR(40),
  fine_amount DECIMAL(8, 2),
  order_months INTEGER,
  order_ends_on DATE,
  outcome_recorded_on DATE,
  reported_to_school_on DATE,
  created_at TIMESTAMP NOT NULL,
  CONSTRAINT court_proceedings_pk PRIMARY KEY (process_instance_id),
  CONSTRAINT court_proceedings_type_ck CHECK (proceedings_type IN ('prosecution', 'education-supervision-order'))
);

CREATE INDEX court_proceedings_case_ix ON court_proceedings (case_reference);
CREATE INDEX court_proceedings_recorded_ix ON court_proceedings (outcome_recorded_on);
