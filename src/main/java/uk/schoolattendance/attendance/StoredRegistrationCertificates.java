package uk.schoolattendance.attendance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.process.EvidenceDocuments;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * The registration certificate as evidence (issue #15): generated from the marks
 * ({@link RegistrationCertificate}) for the offence period when court proceedings build their case
 * file and when a penalty notice is prepared, and stored in {@code ev_generated_document} (V200)
 * with its SHA-256, once per owner, so the court and the parent are served the same bytes later
 * ({@code GET /api/pupils/{upn}/documents/{documentId}}, the same authorizations as the pupil's
 * figures). Replaces the register-less {@code NoEvidenceDocuments} wherever the register runs.
 */
@Primary
@Component
class StoredRegistrationCertificates implements EvidenceDocuments {

  static final String KIND = "registration-certificate";
  private static final String COLUMNS = "document_id, title, sha256, OCTET_LENGTH(content) AS size_bytes, pupil_upn";
  private static final RowMapper<Document> DOCUMENT =
      (rs, n) -> new Document(
          rs.getString("document_id"), rs.getString("title"), rs.getString("sha256"), rs.getInt("size_bytes"),
          rs.getString("pupil_upn"));

  /** A stored document's bytes and what they are. */
  record Content(Document document, String mediaType, byte[] bytes) {}

  private final JdbcTemplate jdbc;
  private final AttendanceRegister register;
  private final RegistrationCertificate certificate;
  private final SchoolCalendar calendar;

  StoredRegistrationCertificates(
      JdbcTemplate jdbc, AttendanceRegister register, RegistrationCertificate certificate, SchoolCalendar calendar) {
    this.jdbc = jdbc;
    this.register = register;
    this.certificate = certificate;
    this.calendar = calendar;
  }

  @Override
  public Optional<Document> registrationCertificate(String owner, String pupilUpn, LocalDate from, LocalDate to) {
    Optional<Document> stored = stored(owner);
    if (stored.isPresent()) {
      return stored;
    }
    Optional<AttendanceRegister.Pupil> pupil = pupilUpn == null ? Optional.empty() : register.pupil(pupilUpn);
    if (pupil.isEmpty() || from == null || to == null) {
      return Optional.empty();
    }
    byte[] pdf = certificate.pdf(pupil.get(), from, to, calendar.today());
    String title = title(pupil.get(), from, to);
    jdbc.update(
        "INSERT INTO ev_generated_document (document_id, owner_ref, kind, pupil_upn, period_from, period_to, title,"
            + " media_type, content, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "DOC-" + UUID.randomUUID(), owner, KIND, pupil.get().upn(), from, to, title, "application/pdf", pdf, sha256(pdf),
        new Timestamp(EngineClock.now().getTime()));
    return stored(owner);
  }

  @Override
  public List<Document> of(String owner) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM ev_generated_document WHERE owner_ref = ? ORDER BY created_at, document_id",
        DOCUMENT, owner);
  }

  /** A stored document of this pupil, with its bytes; empty when there is none (or it is another pupil's). */
  Optional<Content> content(String pupilUpn, String documentId) {
    return jdbc.query(
            "SELECT " + COLUMNS + ", media_type, content FROM ev_generated_document WHERE document_id = ? AND pupil_upn = ?",
            (rs, n) -> new Content(DOCUMENT.mapRow(rs, n), rs.getString("media_type"), rs.getBytes("content")),
            documentId, pupilUpn)
        .stream().findFirst();
  }

  private Optional<Document> stored(String owner) {
    return jdbc.query(
            "SELECT " + COLUMNS + " FROM ev_generated_document WHERE owner_ref = ? AND kind = ?",
            DOCUMENT, owner, KIND)
        .stream().findFirst();
  }

  /** "Registration certificate of Sam Pupil (A123456789012), 19 October 2026 to 4 November 2026". */
  static String title(AttendanceRegister.Pupil pupil, LocalDate from, LocalDate to) {
    return "Registration certificate of " + pupil.forename() + " " + pupil.surname() + " (" + pupil.upn() + "), "
        + RegistrationCertificate.DAY.format(from) + " to " + RegistrationCertificate.DAY.format(to);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
