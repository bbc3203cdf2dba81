package uk.schoolattendance.attendance;

import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Component;
import uk.schoolattendance.attendance.ImportRecords.Import;
import uk.schoolattendance.attendance.MarkImporter.Format;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * The register's imports as the project's API ({@code /api/attendance/imports}) and the case
 * file's pages ({@code /casework/imports}) both use them, so both follow one rule: whoever holds
 * the engine's IMPORT_MARKS on a School (the data team on every school, a school's staff on their
 * own URN) may import, each row only for a school they hold it on (other rows are rejected naming
 * the URN); an import is visible to its sender and to those who import for every school.
 */
@Component
public class RegisterImports {

  /**
   * An import as the pages show it.
   *
   * @param state {@code running}, {@code completed}, {@code failed}, or {@code interrupted} (running
   *     with no progress for {@code attendance.register.stale-after})
   * @param percent how much of the file is read while it runs, when its length is known
   * @param fileName the uploaded file's name (the page's upload), null for the API's and older imports
   * @param fileSize the uploaded file's size in bytes, null when its name is not known
   * @param keptRows whether its rejections carry the rows as sent under the file's own header (a CSV
   *     import since the header was kept, its rows not yet removed), so they download as a file to
   *     correct and import again
   * @param rejectedRowsRemovedAt when its rejected rows as sent were removed under the retention rule
   *     ({@link RejectedRowsRetention}); null while they are kept (or it had none)
   */
  public record Summary(
      int id,
      String format,
      String state,
      String submittedBy,
      Instant submittedAt,
      Instant finishedAt,
      int rowsRead,
      int rowsAccepted,
      int rowsUnchanged,
      int rowsRejected,
      Long percent,
      String failure,
      String fileName,
      Long fileSize,
      boolean keptRows,
      Instant rejectedRowsRemovedAt) {}

  private final MarkImporter importer;
  private final ImportRecords records;
  private final SchoolAccess access;
  private final SchoolCalendar calendar;
  private final RegisterProperties properties;

  RegisterImports(
      MarkImporter importer,
      ImportRecords records,
      SchoolAccess access,
      SchoolCalendar calendar,
      RegisterProperties properties) {
    this.importer = importer;
    this.records = records;
    this.access = access;
    this.calendar = calendar;
    this.properties = properties;
  }

  /** Whether the current user may import marks for at least one school. */
  public boolean mayImport() {
    return access.mayImportAnySchool();
  }

  /** Whether the current user sees every import (imports for every school), not only their own. */
  public boolean seesEveryImport() {
    return access.mayImportEverySchool();
  }

  /**
   * Imports a file as the current user (see {@link MarkImporter#importFile}); a row of a school
   * the user may not import for is rejected naming the URN.
   *
   * @throws AuthorizationException when the user may import for no school: nothing is read
   */
  public int importFile(Format format, InputStream body, Long length) {
    return importFile(format, null, body, length);
  }

  /**
   * Imports a file as the current user, keeping the name its sender gave it (see the other
   * {@code importFile}).
   */
  public int importFile(Format format, String fileName, InputStream body, Long length) {
    if (!mayImport()) {
      throw new AuthorizationException("importing register marks needs IMPORT_MARKS on a School");
    }
    Map<Integer, Boolean> allowed = new HashMap<>();
    IntPredicate mayImport = urn ->
        allowed.computeIfAbsent(urn, u -> access.mayImport(String.format(Locale.ROOT, "%06d", u)));
    return importer.importFile(format, fileName, body, length,
        access.currentUser() == null ? "system" : access.currentUser(), mayImport, access.mayImportEverySchool(),
        calendar.today());
  }

  /**
   * The largest file the case file's page takes: {@code attendance.register.page-max-file-size},
   * and never more than an import takes ({@code attendance.register.max-file-size}).
   */
  public long pageMaxFileSize() {
    return Math.min(properties.pageMaxFileSize().toBytes(), properties.maxFileSize().toBytes());
  }

  /** The import, when the current user may see it. */
  public Optional<Summary> find(int importId) {
    return visible(importId).map(this::summary);
  }

  /** The latest imports the current user may see, newest first. */
  public List<Summary> latest(int limit) {
    return latestRecords(limit).stream().map(this::summary).toList();
  }

  /** A page of the import's rejections, by row (call {@link #find} first: this does not check who asks). */
  public List<Rejection> rejections(int importId, int offset, int limit) {
    return records.rejections(importId, offset, limit);
  }

  /** The import's header row as its file sent it (a CSV import's), or null. */
  public Optional<String> header(int importId) {
    return records.get(importId).map(Import::fileHeader);
  }

  /** How many rejections the import keeps (a CTF's group of marks is one). */
  public int rejectionCount(int importId) {
    return records.rejectionCount(importId);
  }

  /** Every rejection of a visible import, by row, streamed from the database; false when the user may not see it. */
  public boolean eachRejection(int importId, Consumer<Rejection> each) {
    if (visible(importId).isEmpty()) {
      return false;
    }
    records.eachRejection(importId, each);
    return true;
  }

  Optional<Import> visible(int importId) {
    return records.get(importId).filter(this::visible);
  }

  List<Import> latestRecords(int limit) {
    return records.latest(access.currentUser(), access.mayImportEverySchool(), limit);
  }

  private boolean visible(Import found) {
    return access.currentUser() == null
        || found.submittedBy().equals(access.currentUser())
        || access.mayImportEverySchool();
  }

  /** running, completed or failed; a running import that has not moved for a while is interrupted. */
  String state(Import found) {
    if ("running".equals(found.state())
        && found.updatedAt().isBefore(Instant.now().minus(properties.staleAfter()))) {
      return "interrupted";
    }
    return found.state();
  }

  static Long percent(Import found) {
    return found.bytesExpected() == null || found.bytesExpected() == 0 ? null
        : Math.min(100, Math.round(100.0 * found.counts().bytesRead() / found.bytesExpected()));
  }

  private Summary summary(Import found) {
    return new Summary(found.id(), found.format(), state(found), found.submittedBy(), found.submittedAt(),
        found.finishedAt(), found.counts().read(), found.counts().accepted(), found.counts().unchanged(),
        found.counts().rejected(), percent(found), found.failure(), found.fileName(),
        found.fileName() == null ? null : found.bytesExpected(),
        found.fileHeader() != null && found.rejectedRowsRemovedAt() == null, found.rejectedRowsRemovedAt());
  }
}
