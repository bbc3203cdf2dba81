package uk.schoolattendance.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Every import's record: who sent what, its state, progress, counts and rejections. */
@Component
class ImportRecords {

  /** The counts an import has reached so far (committed batches only). */
  record Counts(long bytesRead, int read, int accepted, int unchanged, int rejected) {
    Counts plus(Counts batch) {
      return new Counts(batch.bytesRead, read + batch.read, accepted + batch.accepted,
          unchanged + batch.unchanged, rejected + batch.rejected);
    }
  }

  /** An import as its record shows it. */
  record Import(
      int id,
      LocalDate firstMarkDate,
      String format,
      String submittedBy,
      Instant submittedAt,
      String state,
      Long bytesExpected,
      Counts counts,
      Instant updatedAt,
      Instant finishedAt,
      String failure,
      Instant identifiedAt,
      String fileName,
      String fileHeader,
      Instant rejectedRowsRemovedAt) {}

  /** The longest header or rejected row kept as sent (the columns' size). */
  static final int LONGEST_ROW = 20_000;

  private final JdbcTemplate jdbc;

  ImportRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Opens the record of a new import (in its own transaction, so it shows while the import runs). */
  int start(String format, String fileName, String submittedBy, Long bytesExpected) {
    Timestamp now = Timestamp.from(Instant.now());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var ps = connection.prepareStatement(
              "INSERT INTO att_import (file_format, submitted_by, submitted_at, state, bytes_expected, bytes_read,"
                  + " rows_read, rows_accepted, rows_unchanged, rows_rejected, updated_at, file_name)"
                  + " VALUES (?, ?, ?, 'running', ?, 0, 0, 0, 0, 0, ?, ?)",
              new String[] {"import_id"});
          ps.setString(1, format);
          ps.setString(2, submittedBy);
          ps.setTimestamp(3, now);
          ps.setObject(4, bytesExpected);
          ps.setTimestamp(5, now);
          ps.setString(6, fileName);
          return ps;
        },
        key);
    return key.getKeyAs(Number.class) == null ? lastId() : key.getKeyAs(Number.class).intValue();
  }

  private int lastId() {
    Integer id = jdbc.queryForObject("SELECT MAX(import_id) FROM att_import", Integer.class);
    return id == null ? 0 : id;
  }

  /**
   * Adds a committed batch's counts and rejections (in the batch's transaction). A rejected CSV row
   * is kept as sent ({@code sent_row}: personal data) until the retention rule removes it ({@link
   * RejectedRowsRetention}, {@code attendance.imports.rejected-rows-retention-days}, docs/operations.md).
   */
  void progress(int importId, Counts total, List<Rejection> rejections) {
    jdbc.update(
        "UPDATE att_import SET bytes_read = ?, rows_read = ?, rows_accepted = ?, rows_unchanged = ?, rows_rejected = ?,"
            + " updated_at = ? WHERE import_id = ?",
        total.bytesRead(), total.read(), total.accepted(), total.unchanged(), total.rejected(),
        Timestamp.from(Instant.now()), importId);
    jdbc.batchUpdate(
        "INSERT INTO att_import_rejection (import_id, row_no, rows_covered, field, reason, sent_row)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        rejections,
        rejections.size(),
        (ps, r) -> {
          ps.setInt(1, importId);
          ps.setInt(2, r.row());
          ps.setInt(3, r.rows());
          ps.setString(4, r.field());
          ps.setString(5, r.reason().length() > 500 ? r.reason().substring(0, 500) : r.reason());
          // a row too long to keep is left out of the download's cells: the download names its row and says so
          ps.setString(6, r.sent() == null || r.sent().length() > LONGEST_ROW ? null : r.sent());
        });
  }

  /** Keeps a CSV file's header row, so its rejected rows are downloaded under the file's own columns. */
  void header(int importId, String line) {
    jdbc.update("UPDATE att_import SET file_header = ? WHERE import_id = ?",
        line.length() > LONGEST_ROW ? null : line, importId);
  }

  void complete(int importId, LocalDate firstMarkDate) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("UPDATE att_import SET state = 'completed', finished_at = ?, updated_at = ?, first_mark_date = ?"
            + " WHERE import_id = ?",
        now, now, firstMarkDate == null ? null : java.sql.Date.valueOf(firstMarkDate), importId);
  }

  void fail(int importId, String failure) {
    Timestamp now = Timestamp.from(Instant.now());
    String text = failure == null ? "failed" : failure.length() > 500 ? failure.substring(0, 500) : failure;
    jdbc.update(
        "UPDATE att_import SET state = 'failed', failure = ?, finished_at = ?, updated_at = ? WHERE import_id = ?",
        text, now, now, importId);
  }

  /** Removes an import that kept nothing (refused before its first row). */
  void forget(int importId) {
    jdbc.update("DELETE FROM att_import_rejection WHERE import_id = ?", importId);
    jdbc.update("DELETE FROM att_import WHERE import_id = ?", importId);
  }

  void identified(int importId) {
    jdbc.update("UPDATE att_import SET identified_at = ? WHERE import_id = ? AND identified_at IS NULL",
        Timestamp.from(Instant.now()), importId);
  }

  Optional<Import> get(int importId) {
    return jdbc.query(
        "SELECT import_id, file_format, submitted_by, submitted_at, state, bytes_expected, bytes_read, rows_read,"
            + " rows_accepted, rows_unchanged, rows_rejected, updated_at, finished_at, failure, identified_at,"
            + " first_mark_date, file_name, file_header, rejected_rows_removed_at FROM att_import WHERE import_id = ?",
        (rs, n) -> record(rs),
        importId).stream().findFirst();
  }

  /** The latest imports, newest first; only the submitter's own unless {@code everyone}. */
  List<Import> latest(String submittedBy, boolean everyone, int limit) {
    String sql =
        "SELECT import_id, file_format, submitted_by, submitted_at, state, bytes_expected, bytes_read, rows_read,"
            + " rows_accepted, rows_unchanged, rows_rejected, updated_at, finished_at, failure, identified_at,"
            + " first_mark_date, file_name, file_header, rejected_rows_removed_at FROM att_import" + (everyone ? "" : " WHERE submitted_by = ?")
            + " ORDER BY import_id DESC FETCH FIRST " + limit + " ROWS ONLY";
    return everyone
        ? jdbc.query(sql, (rs, n) -> record(rs))
        : jdbc.query(sql, (rs, n) -> record(rs), submittedBy);
  }

  List<Rejection> rejections(int importId, int offset, int limit) {
    return jdbc.query(
        "SELECT row_no, rows_covered, field, reason FROM att_import_rejection WHERE import_id = ? ORDER BY row_no"
            + " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY",
        (rs, n) -> new Rejection(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
        importId);
  }

  /** Every rejection of the import, by row, read as a stream (a large import's are never all in memory). */
  void eachRejection(int importId, java.util.function.Consumer<Rejection> each) {
    jdbc.query(
        connection -> {
          var ps = connection.prepareStatement(
              "SELECT row_no, rows_covered, field, reason, sent_row FROM att_import_rejection WHERE import_id = ?"
                  + " ORDER BY row_no");
          ps.setFetchSize(1000);
          ps.setInt(1, importId);
          return ps;
        },
        (org.springframework.jdbc.core.RowCallbackHandler)
            rs -> each.accept(new Rejection(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5))));
  }

  int rejectionCount(int importId) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(*) FROM att_import_rejection WHERE import_id = ?", Integer.class, importId);
    return count == null ? 0 : count;
  }

  private static Import record(ResultSet rs) throws SQLException {
    long expected = rs.getLong(6);
    Long bytesExpected = rs.wasNull() ? null : expected;
    java.sql.Date first = rs.getDate(16);
    return new Import(
        rs.getInt(1), first == null ? null : first.toLocalDate(), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)), rs.getString(5), bytesExpected,
        new Counts(rs.getLong(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11)),
        instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)), rs.getString(14), instant(rs.getTimestamp(15)),
        rs.getString(17), rs.getString(18), instant(rs.getTimestamp(19)));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
