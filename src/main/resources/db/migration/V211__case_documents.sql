-- Documents people upload to a case from its page (issue #16): a signed attendance contract, a
-- leave request, a GP's letter. Kept with the case in the database (not on a disk a second server
-- would not see), with the SHA-256 of the bytes, the type found from the bytes themselves (PDF,
-- JPEG, PNG, DOCX) and the file's name made safe. Served under the same authorizations as the
-- case. Portable SQL: H2 and PostgreSQL.
CREATE TABLE cf_case_document (
  document_id VARCHAR(50) NOT NULL,
  case_id VARCHAR(64) NOT NULL,
  case_reference VARCHAR(64) NOT NULL,
  kind VARCHAR(40) NOT NULL,
  file_name VARCHAR(120) NOT NULL,
  media_type VARCHAR(100) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  content BYTEA NOT NULL,
  uploaded_by VARCHAR(64) NOT NULL,
  uploaded_at TIMESTAMP NOT NULL,
  CONSTRAINT cf_case_document_pk PRIMARY KEY (document_id)
);

CREATE INDEX cf_case_document_case_ix ON cf_case_document (case_id);
