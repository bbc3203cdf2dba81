package uk.schoolattendance.casefile.casepage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.schoolattendance.engine.EngineClock;

/**
 * Documents people upload to a case ({@code cf_case_document}, V211), kept with the case in the
 * database. Adding one also writes "Document added" to the case's history as the person who added
 * it, in the same transaction: the engine's authorizations decide who may (UPDATE on the case,
 * {@link CaseNotes#mayUpdate}), and a refused change stores nothing. Reading one is the case
 * page's check: whoever may see the case may read its documents.
 */
@Component
class CaseDocuments {

  /** What a person says a document is, with its words. */
  static final Map<String, String> KINDS = kinds();
  static final String EVENT = "document-added";

  /** A stored document, without its bytes. */
  record Document(String id, String kind, String fileName, String mediaType, long size, String sha256, String uploadedBy,
      Instant uploadedAt) {}

  private final JdbcTemplate jdbc;
  private final CaseNotes notes;

  CaseDocuments(JdbcTemplate jdbc, CaseNotes notes) {
    this.jdbc = jdbc;
    this.notes = notes;
  }

  /** Keeps the document with the open case and writes it into the case's history, as the signed-in user. */
  @Transactional
  Document add(String caseId, String caseReference, String kind, String fileName, DocumentTypes.Type type, byte[] bytes) {
    Document document = new Document(
        "CDOC-" + UUID.randomUUID(), kind, fileName, type.mediaType(), bytes.length, sha256(bytes),
        notes.currentUserId(), EngineClock.now().toInstant());
    jdbc.update(
        "INSERT INTO cf_case_document (document_id, case_id, case_reference, kind, file_name, media_type, size_bytes, sha256,"
            + " content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        document.id(), caseId, caseReference, kind, fileName, type.mediaType(), (long) bytes.length, document.sha256(), bytes,
        document.uploadedBy(), Timestamp.from(document.uploadedAt()));
    notes.record(caseId, EVENT, KINDS.get(kind) + ": " + fileName);
    return document;
  }

  /** The case's documents, newest first. */
  List<Document> of(String caseId) {
    return jdbc.query(
        "SELECT document_id, kind, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at FROM cf_case_document"
            + " WHERE case_id = ? ORDER BY uploaded_at DESC, document_id",
        (rs, row) -> document(rs),
        caseId);
  }

  /** A document of this case with its bytes, when there is one. */
  Optional<Map.Entry<Document, byte[]>> read(String caseId, String documentId) {
    return jdbc.query(
            "SELECT document_id, kind, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, content"
                + " FROM cf_case_document WHERE case_id = ? AND document_id = ?",
            (rs, row) -> Map.entry(document(rs), rs.getBytes("content")),
            caseId, documentId)
        .stream()
        .findFirst();
  }

  private static Document document(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Document(
        rs.getString("document_id"), rs.getString("kind"), rs.getString("file_name"), rs.getString("media_type"),
        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static Map<String, String> kinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("signed-contract", "Signed attendance contract");
    kinds.put("leave-request", "Leave request");
    kinds.put("gp-letter", "Letter from a GP or health professional");
    kinds.put("other", "Other document");
    return java.util.Collections.unmodifiableMap(kinds);
  }
}
