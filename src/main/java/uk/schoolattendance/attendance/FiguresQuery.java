package uk.schoolattendance.attendance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.SqlLists;

/**
 * The figures' SQL: the database counts, over the marks of a set of pupils (one pupil, the pupils
 * of an import, a list of UPNs). The year's totals are one aggregate over the pupils' marks from
 * the start of the academic year to {@code asOf}. The threshold is found with window functions
 * over the pupil's school weeks ({@code att_calendar_day} of the pupil's own school): the
 * unauthorised sessions of each school week, the sum over the previous weeks of the window, and
 * the running count within the week; the first day on which the two reach the threshold's
 * sessions is the day it was met.
 */
@Component
class FiguresQuery {

  /** The counts of one pupil; the service turns them into {@link Figures}. */
  record Counts(
      int pupilId,
      String upn,
      int schoolUrn,
      int possible,
      int present,
      int authorised,
      int unauthorised,
      int recentUnauthorised,
      LocalDate thresholdMetOn) {}

  /** Which pupils: a subquery of pupil ids and its parameters. */
  record Pupils(String sql, Object[] parameters) {
    static Pupils ofImport(int importId) {
      return new Pupils("SELECT pupil_id FROM att_import_pupil WHERE import_id = ?", new Object[] {importId});
    }

    static Pupils ofUpns(List<String> upns) {
      return new Pupils(
          "SELECT pupil_id FROM att_pupil WHERE upn IN (" + SqlLists.placeholders(upns.size()) + ")",
          upns.toArray());
    }
  }

  private final JdbcTemplate jdbc;
  private final RegisterProperties properties;
  private final ThresholdSessions threshold;

  FiguresQuery(JdbcTemplate jdbc, RegisterProperties properties, ThresholdSessions threshold) {
    this.threshold = threshold;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * The counts of the pupils as of {@code asOf}, for the academic year from {@code yearStart};
   * unauthorised marks from {@code lookback} on are read for windows reaching back before the year.
   */
  Map<Integer, Counts> counts(Pupils pupils, LocalDate asOf, LocalDate yearStart, LocalDate lookback) {
    return counts(pupils, asOf, yearStart, yearStart, lookback, false);
  }

  /**
   * As {@link #counts(Pupils, LocalDate, LocalDate, LocalDate)}; with {@code yearTotals} the
   * year's totals are read from {@code att_pupil_year}, which the import keeps as it writes marks:
   * the same numbers when no mark of the year lies after {@code asOf} (identification as of today:
   * marks are never in the future), without counting every mark of the year again.
   */
  Map<Integer, Counts> counts(
      Pupils pupils, LocalDate asOf, LocalDate yearStart, LocalDate from, LocalDate lookback, boolean yearTotals) {
    Map<Integer, Counts> totals = new LinkedHashMap<>();
    List<Object> parameters = new ArrayList<>();
    if (yearTotals) {
      parameters.add(yearStart.getYear());
    } else {
      parameters.add(Date.valueOf(yearStart));
      parameters.add(Date.valueOf(asOf));
    }
    parameters.addAll(List.of(pupils.parameters()));
    jdbc.query(
        yearTotals
            ? "SELECT p.pupil_id, p.upn, p.school_urn, COALESCE(t.possible_sessions, 0), COALESCE(t.present_sessions, 0),"
                + " COALESCE(t.authorised_absence, 0), COALESCE(t.unauthorised_absence, 0)"
                + " FROM att_pupil p LEFT JOIN att_pupil_year t ON t.pupil_id = p.pupil_id AND t.academic_year = ?"
                + " WHERE p.pupil_id IN (" + pupils.sql() + ")"
            : "SELECT p.pupil_id, p.upn, p.school_urn,"
                + " COALESCE(SUM(CASE WHEN m.category <> 'X' THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN m.category = 'P' THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN m.category = 'A' THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN m.category = 'U' THEN 1 ELSE 0 END), 0)"
                + " FROM att_pupil p LEFT JOIN att_mark m ON m.pupil_id = p.pupil_id AND m.mark_date BETWEEN ? AND ?"
                + " WHERE p.pupil_id IN (" + pupils.sql() + ")"
                + " GROUP BY p.pupil_id, p.upn, p.school_urn",
        rs -> {
          totals.put(rs.getInt(1), new Counts(rs.getInt(1), rs.getString(2).trim(), rs.getInt(3), rs.getInt(4),
              rs.getInt(5), rs.getInt(6), rs.getInt(7), 0, null));
        },
        parameters.toArray());
    Map<Integer, Object[]> threshold = threshold(pupils, asOf, from, lookback);
    Map<Integer, Counts> result = new HashMap<>();
    totals.forEach(
        (id, c) -> {
          Object[] t = threshold.get(id);
          result.put(id, t == null ? c : new Counts(c.pupilId(), c.upn(), c.schoolUrn(), c.possible(), c.present(),
              c.authorised(), c.unauthorised(), (int) t[1], (LocalDate) t[0]));
        });
    return result;
  }

  /** Thresholds met on a day from {@code from} on, and the unauthorised sessions of the window ending at asOf. */
  private Map<Integer, Object[]> threshold(Pupils pupils, LocalDate asOf, LocalDate from, LocalDate lookback) {
    String sql = thresholdSql(pupils);
    List<Object> parameters = thresholdParameters(pupils, asOf, from, lookback);
    Map<Integer, Object[]> result = new HashMap<>();
    jdbc.query(
        sql,
        rs -> {
          Date met = rs.getDate(2);
          result.put(rs.getInt(1), new Object[] {met == null ? null : met.toLocalDate(), rs.getInt(3)});
        },
        parameters.toArray());
    return result;
  }

  /**
   * The threshold's SQL. uw: each day of unauthorised sessions with its school week and the week
   * of asOf, in the pupil's own calendar; daily: the sessions in the previous weeks of the window (a
   * RANGE frame over the week number) plus those of the week up to the day (a running sum): no
   * self-join.
   */
  String thresholdSql(Pupils pupils) {
    int weeks = properties.threshold().schoolWeeks();
    return "WITH uw AS ("
        + " SELECT m.pupil_id, m.mark_date, COUNT(*) AS n, c.school_week, ca.school_week AS as_of_week"
        + " FROM att_pupil p"
        + " JOIN att_mark m ON m.pupil_id = p.pupil_id AND m.category = 'U' AND m.mark_date BETWEEN ? AND ?"
        + " JOIN att_calendar_day c ON c.school_urn = p.school_urn AND c.cal_date = m.mark_date"
        + " LEFT JOIN att_calendar_day ca ON ca.school_urn = p.school_urn AND ca.cal_date = ?"
        + " WHERE p.pupil_id IN (" + pupils.sql() + ")"
        + " GROUP BY m.pupil_id, m.mark_date, c.school_week, ca.school_week),"
        + " daily AS (SELECT pupil_id, mark_date, school_week, as_of_week, n,"
        + " COALESCE(SUM(n) OVER (PARTITION BY pupil_id ORDER BY school_week"
        + " RANGE BETWEEN " + (weeks - 1) + " PRECEDING AND 1 PRECEDING), 0)"
        + " + SUM(n) OVER (PARTITION BY pupil_id, school_week ORDER BY mark_date ROWS UNBOUNDED PRECEDING) AS in_window"
        + " FROM uw)"
        + " SELECT pupil_id,"
        + " MIN(CASE WHEN mark_date >= ? AND in_window >= ? THEN mark_date END),"
        + " SUM(CASE WHEN school_week > as_of_week - " + weeks + " THEN n ELSE 0 END)"
        + " FROM daily GROUP BY pupil_id";
  }

  List<Object> thresholdParameters(Pupils pupils, LocalDate asOf, LocalDate from, LocalDate lookback) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(Date.valueOf(lookback));
    parameters.add(Date.valueOf(asOf));
    parameters.add(Date.valueOf(asOf));
    parameters.addAll(List.of(pupils.parameters()));
    parameters.add(Date.valueOf(from));
    parameters.add(threshold.sessions());
    return parameters;
  }
}
