package uk.schoolattendance.notices;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Thousands of notices made fast in SQL for the register's paging tests: one JDBC batch of rows
 * under one case reference (the test's search key), in every state, issued and due on many days,
 * with many ties. {@link #delete} takes them out again, so other tests sharing the database never
 * count them.
 */
public final class BulkNotices {

  private static final String[] STATES = {"issued", "unpaid", "paid", "withdrawn", "prosecuted", "issued", "unpaid"};

  /** One notice made: its number, state ({@code beyond-limit} for a prepared one held back) and the day the register's page sorts it by (null: nothing due). */
  public record Made(String noticeNumber, String status, LocalDate deadline, LocalDate dayOfIssue) {}

  private final JdbcTemplate jdbc;
  private final String key;
  private final List<Made> made = new ArrayList<>();

  private BulkNotices(JdbcTemplate jdbc, String key) {
    this.jdbc = jdbc;
    this.key = key;
  }

  /**
   * {@code count} notices under case reference {@code key}, numbered {@code PN-<year>-000001}…, as
   * the register stands on {@code today}. The year is one no notice of the product uses.
   */
  public static BulkNotices make(JdbcTemplate jdbc, String key, int year, int count, LocalDate today) {
    BulkNotices notices = new BulkNotices(jdbc, key);
    List<Object[]> rows = new ArrayList<>();
    Timestamp now = new Timestamp(System.currentTimeMillis());
    for (int i = 1; i <= count; i++) {
      String number = String.format("PN-%04d-%06d", year, i);
      String status = STATES[i % STATES.length];
      LocalDate issued = today.minusDays(10 + i % 40); // many notices share a day of issue
      LocalDate reducedDeadline = issued.plusDays(20 + i % 9);
      LocalDate finalDeadline = issued.plusDays(27 + i % 9);
      BigDecimal reduced = i % 3 == 0 ? null : new BigDecimal("80.00");
      LocalDate information = today.plusDays(30 + i % 61);
      LocalDate deadline = switch (status) {
        case "issued" -> reduced != null && !reducedDeadline.isBefore(today) ? reducedDeadline : finalDeadline;
        case "unpaid" -> information;
        default -> null;
      };
      rows.add(new Object[] {
          number, key, "A" + String.format("%012d", i), "Pupil " + i, "100001", "BULK-P" + i, "Parent " + i,
          i + " Bulk Street, Southend SS1 1AA", "other", Date.valueOf(issued.minusDays(30)), Date.valueOf(issued.minusDays(5)),
          1, "post-2024", Date.valueOf(issued), Date.valueOf(issued), Date.valueOf(issued.plusDays(2)), reduced,
          new BigDecimal("160.00"), Date.valueOf(reducedDeadline), Date.valueOf(finalDeadline), Date.valueOf(information),
          status, "paid".equals(status) ? new BigDecimal("160.00") : null, now, now});
      notices.made.add(new Made(number, status, deadline, issued));
    }
    jdbc.batchUpdate(
        "INSERT INTO pn_notice (notice_number, case_reference, pupil_upn, pupil_name, school_urn, parent_id, parent_name,"
            + " parent_address, notice_reason, offence_from, offence_to, notice_sequence, rate_scheme, issued_on, prepared_on,"
            + " deemed_received_on, reduced_amount, full_amount, reduced_deadline, final_deadline, information_deadline,"
            + " status, amount_paid, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return notices;
  }

  /**
   * {@code count} prepared notices (letters waiting to be posted) under case reference {@code key},
   * numbered {@code PN-<year>-000001}…, prepared on many days with many ties; every
   * {@code beyondEvery}-th (0: none) is a 3rd notice to its parent for its child, beyond the
   * national limit of 2, so held back. Not in a process: nothing is due, so the register sorts
   * them newest prepared, then highest number first.
   */
  public static BulkNotices prepared(JdbcTemplate jdbc, String key, int year, int count, LocalDate today, int beyondEvery) {
    BulkNotices notices = new BulkNotices(jdbc, key);
    List<Object[]> rows = new ArrayList<>();
    Timestamp now = new Timestamp(System.currentTimeMillis());
    for (int i = 1; i <= count; i++) {
      String number = String.format("PN-%04d-%06d", year, i);
      LocalDate prepared = today.minusDays(i % 20);
      boolean beyond = beyondEvery > 0 && i % beyondEvery == 0;
      rows.add(new Object[] {
          number, key, "A" + String.format("%012d", i), "Pupil " + i, "100001", "BULK-P" + i, "Parent " + i,
          i + " Bulk Street, Southend SS1 1AA", "other", Date.valueOf(prepared.minusDays(30)), Date.valueOf(prepared.minusDays(5)),
          beyond ? 3 : 1, "post-2024", Date.valueOf(prepared), new BigDecimal("80.00"), new BigDecimal("160.00"),
          Date.valueOf(prepared.plusMonths(6)), "prepared", now, now});
      notices.made.add(new Made(number, beyond ? "beyond-limit" : "prepared", null, prepared));
    }
    jdbc.batchUpdate(
        "INSERT INTO pn_notice (notice_number, case_reference, pupil_upn, pupil_name, school_urn, parent_id, parent_name,"
            + " parent_address, notice_reason, offence_from, offence_to, notice_sequence, rate_scheme, prepared_on,"
            + " reduced_amount, full_amount, information_deadline, status, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return notices;
  }

  /** The notices made, in the register page's order: soonest deadline first, nothing due last; newest, then highest number first. */
  public List<String> inRegisterOrder(String status) {
    return made.stream()
        .filter(notice -> status == null || status.equals(notice.status()))
        .sorted(Comparator.comparing(Made::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Made::dayOfIssue, Comparator.reverseOrder())
            .thenComparing(Made::noticeNumber, Comparator.reverseOrder()))
        .map(Made::noticeNumber)
        .toList();
  }

  public String key() {
    return key;
  }

  public long count(String status) {
    return made.stream().filter(notice -> status == null || status.equals(notice.status())).count();
  }

  /** Takes the notices out of the register again. */
  public void delete() {
    jdbc.update("DELETE FROM pn_notice WHERE case_reference = ?", key);
  }
}
