package uk.schoolattendance.reporting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseSettings;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.security.CurrentUser;

/**
 * "Closed cases by outcome": the attendance cases that ended in a period (from and to, both
 * included, days in the authority's zone), counted by their {@code caseOutcome}, those ended as no
 * longer needed by their {@code noLongerNeededReason}, per school and in total.
 *
 * <p>Two grouped queries whatever the number of cases: the outcomes from the case file's search
 * table ({@code cf_case}: its {@code closed_at}, {@code school_urn} and {@code case_outcome}, kept by
 * the engine's history events, V630's index), and the reasons from the same table
 * ({@code no_longer_needed_reason}, V631, written with the outcome), so a period's reasons stay
 * counted as long as its outcomes are, after the engine's history of the cases is cleaned up. A
 * case's school is the one it ended at. {@code closureReason} is the words a
 * person typed (the CaseClosed message, the decision after a withdrawal) or the reason's words with
 * the school's own explanation: it is not counted by, the reason's key is.
 *
 * <p>Who reads them mirrors the figures page ({@code FiguresController}): the authority's staff
 * every school; the data team every school too, as for the census (counts, no person's data, and no
 * list of cases); a school's staff only their own school's; anyone else nothing.
 */
@Component
public class ClosedCases {

  /** The order outcomes are shown in: the case's own path, from support to enforcement, then closed early. */
  public static final List<String> OUTCOMES =
      List.of(
          AttendanceCase.IMPROVED, AttendanceCase.NO_LONGER_NEEDED_OUTCOME, AttendanceCase.PENALTY_PAID,
          AttendanceCase.COURT, AttendanceCase.WITHDRAWN, AttendanceCase.CLOSED);

  /** Who reads the figures, and so which schools'. */
  public enum Reader {
    /** The authority's staff: every school. */
    AUTHORITY,
    /** The data team: every school's counts, as for the census; no list of cases. */
    DATA,
    /** A school's staff: their own school's. */
    SCHOOL
  }

  private final JdbcTemplate jdbc;
  private final CaseSettings settings;
  private final SchoolDirectory schools;
  private final SchoolCalendar calendar;
  private final CurrentUser currentUser;
  private final SchoolAccess schoolAccess;

  ClosedCases(
      JdbcTemplate jdbc, CaseSettings settings, SchoolDirectory schools, SchoolCalendar calendar,
      CurrentUser currentUser, SchoolAccess schoolAccess) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.schools = schools;
    this.calendar = calendar;
    this.currentUser = currentUser;
    this.schoolAccess = schoolAccess;
  }

  /** The signed-in user's kind of reader; null for one who may not read these figures (analysts). */
  public Reader reader() {
    if (currentUser.readsEverySchool()) {
      return Reader.AUTHORITY;
    }
    if (!currentUser.schoolUrns().isEmpty()) {
      return Reader.SCHOOL;
    }
    if (schoolAccess.mayReadEverySchool()) {
      return Reader.DATA;
    }
    return null;
  }

  /** The figures the signed-in user may read, a reader other than null ({@link #reader()}). */
  public ClosedCaseFigures forReader(Reader reader, LocalDate from, LocalDate to) {
    return between(from, to, schoolsOf(reader));
  }

  /** The schools a reader's figures count: null for every school, a school's staff their own. */
  public Set<String> schoolsOf(Reader reader) {
    return reader == Reader.SCHOOL ? currentUser.schoolUrns() : null;
  }

  /** The first day of the academic year that holds today (1 September). */
  public LocalDate academicYearStart() {
    return academicYearStartOf(calendar.today());
  }

  /** The last day of the academic year that holds today (31 August). */
  public LocalDate academicYearEnd() {
    return academicYearEndOf(calendar.today());
  }

  /** The first day of the academic year that holds {@code day} (1 September). */
  public static LocalDate academicYearStartOf(LocalDate day) {
    return LocalDate.of(day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1, 9, 1);
  }

  /** The last day of the academic year that holds {@code day} (31 August). */
  public static LocalDate academicYearEndOf(LocalDate day) {
    return academicYearStartOf(day).plusYears(1).minusDays(1);
  }

  /**
   * A day of the API ({@code YYYY-MM-DD}), or {@code otherwise} when not given; a day that is not
   * one is refused naming its parameter.
   */
  public static LocalDate day(String parameter, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException notADay) {
      throw new InvalidInputException(parameter, "must be a real date as YYYY-MM-DD, like 2027-05-28");
    }
  }

  /** Refuses a period that ends before it starts, naming {@code to}. */
  public static void checkPeriod(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "must be the same day as from or after it");
    }
  }

  /**
   * The cases that ended from {@code from} to {@code to} (both included), of the schools
   * {@code onlySchools} (null: every school, also a URN no longer in the directory).
   */
  public ClosedCaseFigures between(LocalDate from, LocalDate to, Collection<String> onlySchools) {
    checkPeriod(from, to);
    ZoneId zone = calendar.properties().zone();
    List<Object> arguments = new ArrayList<>();
    arguments.add(Timestamp.from(from.atStartOfDay(zone).toInstant()));
    arguments.add(Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
    StringBuilder where = new StringBuilder(" WHERE c.closed_at >= ? AND c.closed_at < ?");
    if (onlySchools != null) {
      if (onlySchools.isEmpty()) {
        return figures(from, to, List.of(), Map.of(), Map.of());
      }
      where.append(" AND c.school_urn IN (").append(String.join(",", java.util.Collections.nCopies(onlySchools.size(), "?")))
          .append(')');
      arguments.addAll(onlySchools);
    }
    // school → outcome (null: none recorded) → cases
    Map<String, Map<String, Long>> outcomes = new HashMap<>();
    jdbc.query(
        "SELECT c.school_urn, c.case_outcome, COUNT(*) FROM cf_case c" + where + " GROUP BY c.school_urn, c.case_outcome",
        row -> {
          outcomes.computeIfAbsent(school(row.getString(1)), s -> new HashMap<>())
              .merge(row.getString(2), row.getLong(3), Long::sum);
        },
        arguments.toArray());
    // school → reason → cases, of the cases no longer needed: the reason kept next to the outcome
    // (V631), so it stays as long as the outcome does, after the case's history is cleaned up
    Map<String, Map<String, Long>> reasons = new HashMap<>();
    List<Object> reasonArguments = new ArrayList<>();
    reasonArguments.add(AttendanceCase.NO_LONGER_NEEDED_OUTCOME);
    reasonArguments.addAll(arguments);
    jdbc.query(
        "SELECT c.school_urn, c.no_longer_needed_reason, COUNT(*) FROM cf_case c"
            + where.toString().replace(" WHERE ", " WHERE c.case_outcome = ? AND ")
            + " AND c.no_longer_needed_reason IS NOT NULL GROUP BY c.school_urn, c.no_longer_needed_reason",
        row -> {
          reasons.computeIfAbsent(school(row.getString(1)), s -> new HashMap<>())
              .merge(row.getString(2), row.getLong(3), Long::sum);
        },
        reasonArguments.toArray());
    Set<String> shown = new LinkedHashSet<>();
    Map<String, String> names = new HashMap<>();
    for (School school : schools.all()) {
      names.put(school.urn(), school.name());
    }
    if (onlySchools == null) {
      shown.addAll(names.keySet());
      shown.addAll(outcomes.keySet());
    } else {
      shown.addAll(new TreeSet<>(onlySchools));
    }
    List<String> ordered = shown.stream()
        .sorted(Comparator.comparing((String urn) -> names.getOrDefault(urn, urn)).thenComparing(urn -> urn))
        .toList();
    Map<String, String> namesShown = new LinkedHashMap<>();
    ordered.forEach(urn -> namesShown.put(urn, names.getOrDefault(urn, urn.isEmpty() ? "No school recorded" : "URN " + urn)));
    return figures(from, to, namesShown.entrySet().stream().toList(), outcomes, reasons);
  }

  /**
   * The cases a figure counts, latest ended first, at most {@code limit}: those ended in the period
   * with {@code caseOutcome}, and for {@code no-longer-needed} a {@code reason} (null: every reason),
   * of the schools {@code onlySchools} (null: every school). The caller shows them only as the
   * engine lets the viewer read them.
   */
  public List<String> caseIds(
      LocalDate from, LocalDate to, String caseOutcome, String reason, Collection<String> onlySchools, int limit) {
    return caseIds(from, to, caseOutcome, reason, onlySchools, 0, limit);
  }

  /** As {@link #caseIds(LocalDate, LocalDate, String, String, Collection, int)}, skipping the first {@code offset}. */
  public List<String> caseIds(
      LocalDate from, LocalDate to, String caseOutcome, String reason, Collection<String> onlySchools, int offset, int limit) {
    checkPeriod(from, to);
    if (onlySchools != null && onlySchools.isEmpty()) {
      return List.of();
    }
    ZoneId zone = calendar.properties().zone();
    List<Object> arguments = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT c.process_instance_id FROM cf_case c");
    if (reason != null) {
      sql.append(" WHERE c.no_longer_needed_reason = ? AND");
      arguments.add(reason);
    } else {
      sql.append(" WHERE");
    }
    sql.append(" c.closed_at >= ? AND c.closed_at < ? AND c.case_outcome = ?");
    arguments.add(Timestamp.from(from.atStartOfDay(zone).toInstant()));
    arguments.add(Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
    arguments.add(caseOutcome);
    if (onlySchools != null) {
      sql.append(" AND c.school_urn IN (").append(String.join(",", java.util.Collections.nCopies(onlySchools.size(), "?")))
          .append(')');
      arguments.addAll(onlySchools);
    }
    sql.append(" ORDER BY c.closed_at DESC, c.process_instance_id OFFSET ").append(Math.max(0, offset))
        .append(" ROWS FETCH NEXT ").append(Math.max(1, limit)).append(" ROWS ONLY");
    return jdbc.queryForList(sql.toString(), String.class, arguments.toArray());
  }

  private static String school(String urn) {
    return urn == null ? "" : urn;
  }

  private ClosedCaseFigures figures(
      LocalDate from, LocalDate to, List<Map.Entry<String, String>> shown,
      Map<String, Map<String, Long>> outcomes, Map<String, Map<String, Long>> reasons) {
    Map<String, Long> allOutcomes = new HashMap<>();
    Map<String, Long> allReasons = new HashMap<>();
    List<ClosedCaseFigures.SchoolCounts> rows = new ArrayList<>();
    for (Map.Entry<String, String> school : shown) {
      Map<String, Long> its = outcomes.getOrDefault(school.getKey(), Map.of());
      Map<String, Long> itsReasons = reasons.getOrDefault(school.getKey(), Map.of());
      its.forEach((outcome, cases) -> allOutcomes.merge(outcome == null ? "" : outcome, cases, Long::sum));
      itsReasons.forEach((reason, cases) -> allReasons.merge(reason, cases, Long::sum));
      rows.add(new ClosedCaseFigures.SchoolCounts(school.getKey(), school.getValue(), counts(nullAsEmpty(its), itsReasons)));
    }
    return new ClosedCaseFigures(from, to, counts(allOutcomes, allReasons), rows);
  }

  private static Map<String, Long> nullAsEmpty(Map<String, Long> outcomes) {
    Map<String, Long> keyed = new HashMap<>();
    outcomes.forEach((outcome, cases) -> keyed.merge(outcome == null ? "" : outcome, cases, Long::sum));
    return keyed;
  }

  /**
   * Every outcome, with 0 where none ended so, and any other value found (an outcome of an
   * earlier version, or none recorded: a case deleted rather than ended, {@code ""}) after them;
   * the cases no longer needed by each configured reason, any other reason found, and those whose
   * reason the history no longer holds.
   */
  private ClosedCaseFigures.Counts counts(Map<String, Long> outcomes, Map<String, Long> reasons) {
    Set<String> order = new LinkedHashSet<>(OUTCOMES);
    new TreeSet<>(outcomes.keySet()).forEach(order::add);
    List<ClosedCaseFigures.OutcomeCount> lines = new ArrayList<>();
    long total = 0;
    for (String outcome : order) {
      long cases = outcomes.getOrDefault(outcome, 0L);
      total += cases;
      List<ClosedCaseFigures.ReasonCount> byReason = List.of();
      if (AttendanceCase.NO_LONGER_NEEDED_OUTCOME.equals(outcome)) {
        byReason = new ArrayList<>();
        Map<String, String> words = settings.noLongerNeededReasons();
        Set<String> keys = new LinkedHashSet<>(words.keySet());
        new TreeSet<>(reasons.keySet()).forEach(keys::add);
        long counted = 0;
        for (String reason : keys) {
          long withReason = reasons.getOrDefault(reason, 0L);
          counted += withReason;
          byReason.add(new ClosedCaseFigures.ReasonCount(reason, words.getOrDefault(reason, reason), withReason));
        }
        if (cases > counted) {
          byReason.add(new ClosedCaseFigures.ReasonCount(null, "Reason not recorded", cases - counted));
        }
      }
      lines.add(new ClosedCaseFigures.OutcomeCount(outcome.isEmpty() ? null : outcome, cases, byReason));
    }
    return new ClosedCaseFigures.Counts(total, lines);
  }

  /** "closed-cases-2026-09-01-to-2027-08-31.csv". */
  public static String fileName(ClosedCaseFigures figures) {
    return "closed-cases-" + figures.from() + "-to-" + figures.to() + ".csv";
  }

  /** The figures as CSV (RFC 4180): a row per school, outcome and reason, then the total's rows ({@code schoolUrn} empty). */
  public static String csv(ClosedCaseFigures figures, java.util.function.Function<String, String> outcomeWords) {
    StringBuilder csv = new StringBuilder("from,to,schoolUrn,school,caseOutcome,outcome,noLongerNeededReason,reason,cases\r\n");
    for (ClosedCaseFigures.SchoolCounts school : figures.schools()) {
      rows(csv, figures, school.urn(), school.name(), school.counts(), outcomeWords);
    }
    rows(csv, figures, "", "All schools shown", figures.total(), outcomeWords);
    return csv.toString();
  }

  private static void rows(
      StringBuilder csv, ClosedCaseFigures figures, String urn, String name, ClosedCaseFigures.Counts counts,
      java.util.function.Function<String, String> outcomeWords) {
    for (ClosedCaseFigures.OutcomeCount outcome : counts.outcomes()) {
      String words = outcomeWords.apply(outcome.caseOutcome());
      line(csv, figures, urn, name, outcome.caseOutcome(), words, null, null, outcome.cases());
      for (ClosedCaseFigures.ReasonCount reason : outcome.reasons()) {
        line(csv, figures, urn, name, outcome.caseOutcome(), words, reason.noLongerNeededReason(), reason.words(),
            reason.cases());
      }
    }
    line(csv, figures, urn, name, "all", "All outcomes", null, null, counts.cases());
  }

  private static void line(
      StringBuilder csv, ClosedCaseFigures figures, String urn, String name, String outcome, String outcomeWords,
      String reason, String reasonWords, long cases) {
    Object[] cells = {figures.from(), figures.to(), urn, name, outcome, outcomeWords, reason, reasonWords, cases};
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(uk.schoolattendance.casefile.CsvCells.cell(cells[i]));
    }
    csv.append("\r\n");
  }
}
