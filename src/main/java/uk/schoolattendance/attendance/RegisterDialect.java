package uk.schoolattendance.attendance;

import java.sql.Date;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the register writes differently on PostgreSQL and H2: marks (PostgreSQL: {@code COPY}
 * into a temporary table, then one {@code INSERT ... ON CONFLICT}; H2: a JDBC batch into a
 * staging table, then one {@code MERGE}), and the upserts of enrolments and of the pupils an
 * import touched. Both keep the replaced value of every corrected mark.
 */
interface RegisterDialect {

  /** A mark to write: the natural key, its category, statutory and school-system code. */
  record Mark(int pupilId, Date date, int session, int urn, char category, String code, String sourceCode) {}

  /** An enrolment to write: new, earlier than known, or with another registration. */
  record Enrolment(int pupilId, int urn, boolean dual, Date from) {}

  /** A pupil's dates in a batch, for telling whether any of its marks is stored already. */
  record Span(int pupilId, Date first, Date last) {}

  /**
   * Writes marks, each natural key once, in the caller's transaction; a mark that differs from the
   * stored one replaces it and the stored value goes to {@code att_mark_change} unless this import
   * wrote it; each pupil's totals of the year follow. {@code spans}: each pupil's first and last
   * date in the batch. Returns how many marks were inserted or changed (the rest were unchanged).
   */
  int writeMarks(JdbcTemplate jdbc, int importId, List<Mark> marks, List<Span> spans);

  void upsertEnrolments(JdbcTemplate jdbc, List<Enrolment> enrolments);

  /**
   * The change each new mark makes to its pupil's totals of its academic year ({@code
   * att_pupil_year}): rows of pupil id, year, possible, present, authorised, unauthorised.
   */
  static List<int[]> newMarkTotals(List<Mark> marks) {
    java.util.Map<Long, int[]> totals = new java.util.LinkedHashMap<>();
    for (Mark mark : marks) {
      int year = SchoolDays.academicYearStart(mark.date().toLocalDate()).getYear();
      int[] t = totals.computeIfAbsent(((long) mark.pupilId() << 16) | year, k -> new int[] {mark.pupilId(), year, 0, 0, 0, 0});
      switch (mark.category()) {
        case 'P' -> { t[2]++; t[3]++; }
        case 'A' -> { t[2]++; t[4]++; }
        case 'U' -> { t[2]++; t[5]++; }
        default -> { }
      }
    }
    return new java.util.ArrayList<>(totals.values());
  }

  void addImportPupils(JdbcTemplate jdbc, int importId, Collection<Integer> pupilIds);

  /**
   * Before identification reads the pupils of an import: PostgreSQL analyses {@code
   * att_import_pupil}, filled a moment ago and emptied after each identification, so the planner
   * knows whether it holds ten pupils or the whole authority.
   */
  default void beforeIdentification(JdbcTemplate jdbc) {}

  /**
   * Inside a transaction about to read one pupil's figures: PostgreSQL keeps the plans of the
   * figures' statements instead of planning them at every call (the {@code postgres} profile plans
   * every query with its values, for Tasklist's authorization checks; the figures' plan is the same
   * for every pupil and planning their window functions costs more than running them).
   */
  default void reuseFiguresPlans(JdbcTemplate jdbc) {}

  /** The dialect of the database behind {@code jdbc}. */
  static RegisterDialect of(JdbcTemplate jdbc) {
    String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    return "PostgreSQL".equalsIgnoreCase(product) ? new PostgresDialect() : new H2Dialect();
  }
}
