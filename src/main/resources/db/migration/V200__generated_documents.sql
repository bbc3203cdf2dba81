-- Documents the application generates as evidence (issue #15): the registration certificate of a
-- pupil's marks over an offence period, made once for the court case file of a prosecution or for
-- a penalty notice, and kept so the same bytes are served later (the court and the parent see what
-- was generated, not a fresh rendering after a late correction of the marks). The SHA-256 of the
-- bytes is stored with them. Served by GET /api/pupils/{upn}/documents/{documentId} under the
-- same authorizations as the pupil's figures. Portable SQL: H2 and PostgreSQL.
CREATE TABLE ev_generated_document (
  document_id VARCHAR(40) NOT NULL,
  -- what it is evidence for: court-proceedings/{process instance id}, penalty-notice/{notice number}
  owner_ref VARCHAR(100) NOT NULL,
  kind VARCHAR(40) NOT NULL,
  pupil_upn VARCHAR(13) NOT NULL,
  period_from DATE NOT NULL,
  period_to DATE NOT NULL,
  title VARCHAR(300) NOT NULL,
  media_type VARCHAR(100) NOT NULL,
  content BYTEA NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  CONSTRAINT ev_generated_document_pk PRIMARY KEY (document_id),
  CONSTRAINT ev_generated_document_owner_uq UNIQUE (owner_ref, kind)
);

CREATE INDEX ev_generated_document_upn_ix ON ev_generated_document (pupil_upn);
