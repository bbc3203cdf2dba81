package uk.schoolattendance.process;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Documents generated as evidence and kept (issue #15): the registration certificate of the
 * pupil's marks over the offence period joins a prosecution's court case file and a penalty
 * notice's evidence. Generated once per owner (a court proceedings, a notice) and stored with its
 * SHA-256, so the same bytes are served later. Until the register of marks exists nothing is
 * generated ({@link NoEvidenceDocuments}) and the evidence list asks the school for the
 * certificate; the register's implementation replaces it as the primary bean.
 */
public interface EvidenceDocuments {

  /** The owner of the documents of a prosecution. */
  static String courtProceedings(String processInstanceId) {
    return "court-proceedings/" + processInstanceId;
  }

  /** The owner of the documents of a penalty notice. */
  static String penaltyNotice(String noticeNumber) {
    return "penalty-notice/" + noticeNumber;
  }

  /**
   * A stored document: its id ({@code DOC-…}), its title as an evidence list names it, the
   * SHA-256 of its bytes (hex), its size and the pupil it is about.
   */
  record Document(String id, String title, String sha256, int size, String pupilUpn) {}

  /**
   * The registration certificate of the pupil's marks from {@code from} to {@code to} for this
   * owner: generated and stored the first time, the stored one afterwards (a retried or repeated
   * step attaches the same document). Empty when the register holds no marks for the pupil.
   */
  Optional<Document> registrationCertificate(String owner, String pupilUpn, LocalDate from, LocalDate to);

  /** The documents stored for an owner, oldest first. */
  List<Document> of(String owner);
}
