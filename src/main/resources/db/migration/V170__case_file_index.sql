-- The case file's search table (docs/casefile.md): a small copy of what the case file's lists
-- and search need about each attendance case, kept by the application in the same transaction
-- as every change of a case (a history event handler, CaseIndexHandler), so a search or a
-- school's list is one indexed query instead of a scan of the engine's history. What a viewer
-- may see is still decided by the engine: rows found here are checked against the engine's
-- authorizations before anything is shown. Portable SQL: H2 and PostgreSQL.

-- One row per AttendanceCase process instance: open, waiting or closed.
CREATE TABLE cf_case (
  process_instance_id VARCHAR(64) NOT NULL,
  case_reference VARCHAR(64),
  pupil_upn VARCHAR(13),
  pupil_name VARCHAR(200),
  -- the name in lower case without accents: the order of every list
  pupil_name_key VARCHAR(200),
  pupil_date_of_birth DATE,
  school_urn VARCHAR(6),
  level_no INTEGER,
  stage VARCHAR(40),
  attendance_percent DOUBLE PRECISION,
  case_outcome VARCHAR(40),
  closure_reason VARCHAR(4000),
  opened_at TIMESTAMP,
  closed_at TIMESTAMP,
  updated_at TIMESTAMP NOT NULL,
  CONSTRAINT cf_case_pk PRIMARY KEY (process_instance_id)
);

CREATE INDEX cf_case_reference_ix ON cf_case (case_reference);
CREATE INDEX cf_case_upn_ix ON cf_case (pupil_upn);
CREATE INDEX cf_case_birth_ix ON cf_case (pupil_date_of_birth);
CREATE INDEX cf_case_school_ix ON cf_case (school_urn, pupil_name_key);

-- The words of the pupil's name (source 'p') and of the parents' names ('r'), lower case
-- without accents, for a search by part of a name ("sam smi").
CREATE TABLE cf_case_word (
  word VARCHAR(100) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  source CHAR(1) NOT NULL,
  CONSTRAINT cf_case_word_pk PRIMARY KEY (word, process_instance_id, source)
);

CREATE INDEX cf_case_word_case_ix ON cf_case_word (process_instance_id);

-- The liable parents; family_key is the parent's id when it names a person across cases (not a
-- case's own "parent-1"): cases sharing one are a family, shown together.
CREATE TABLE cf_case_parent (
  process_instance_id VARCHAR(64) NOT NULL,
  parent_id VARCHAR(64) NOT NULL,
  parent_name VARCHAR(200),
  family_key VARCHAR(64),
  CONSTRAINT cf_case_parent_pk PRIMARY KEY (process_instance_id, parent_id)
);

CREATE INDEX cf_case_parent_family_ix ON cf_case_parent (family_key);

-- The open user tasks of a case and of the processes it called (a Notice to Improve, a penalty
-- notice, court proceedings): who holds the next step and when it is due.
CREATE TABLE cf_case_task (
  task_id VARCHAR(64) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  task_name VARCHAR(255),
  task_key VARCHAR(255),
  assignee VARCHAR(255),
  due_at TIMESTAMP,
  created_at TIMESTAMP,
  CONSTRAINT cf_case_task_pk PRIMARY KEY (task_id)
);

CREATE INDEX cf_case_task_case_ix ON cf_case_task (process_instance_id);
CREATE INDEX cf_case_task_assignee_ix ON cf_case_task (assignee);

-- The candidates of an open task: kind 'g' a group, 'u' a user.
CREATE TABLE cf_case_task_candidate (
  task_id VARCHAR(64) NOT NULL,
  kind CHAR(1) NOT NULL,
  candidate VARCHAR(255) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  CONSTRAINT cf_case_task_candidate_pk PRIMARY KEY (task_id, kind, candidate)
);

CREATE INDEX cf_case_task_candidate_ix ON cf_case_task_candidate (kind, candidate);
CREATE INDEX cf_case_task_candidate_case_ix ON cf_case_task_candidate (process_instance_id);

-- The timers a case (or a process it called) waits on, with their due dates.
CREATE TABLE cf_case_timer (
  job_id VARCHAR(64) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  process_definition_id VARCHAR(64),
  activity_id VARCHAR(255),
  due_at TIMESTAMP,
  CONSTRAINT cf_case_timer_pk PRIMARY KEY (job_id)
);

CREATE INDEX cf_case_timer_case_ix ON cf_case_timer (process_instance_id);
