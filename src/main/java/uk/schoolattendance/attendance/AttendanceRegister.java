package uk.schoolattendance.attendance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.attendance.FiguresQuery.Counts;
import uk.schoolattendance.attendance.FiguresQuery.Pupils;
import uk.schoolattendance.process.SqlLists;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * The register as the rest of the product reads it: a pupil's figures as of any date (one pupil,
 * or a set of pupils at once), a pupil's marks over a period, the pupil's details and contacts,
 * the schools a pupil is enrolled at. Figures are counted in the database ({@link FiguresQuery});
 * the band comes from the {@code AttendanceBand} decision ({@link Bands}). No authorization here:
 * callers check {@code SchoolAccess} for the pupil's schools.
 *
 * <p>A school's pupils are those on its roll: an enrolment without a leaving date, or whose leaving
 * date (the last day on the roll) is not past. A pupil who moved is off the old school's roll after
 * the leaving date: the old school's lists and its reading of the pupil end there, while its marks
 * before the leaving date still count in the pupil's figures and certificate for those who may read
 * the pupil now.
 */
@Component
public class AttendanceRegister {

  /** A mark as the register holds it. */
  public record RegisterMark(
      LocalDate date, String session, String schoolUrn, String code, String sourceCode, String category) {}

  /** A pupil's details as the last file sent them, with the schools whose roll the pupil is on today. */
  public record Pupil(
      int id,
      String upn,
      String forename,
      String surname,
      LocalDate dateOfBirth,
      String yearGroup,
      String schoolUrn,
      String senProvision,
      Boolean freeSchoolMeals,
      Boolean socialWorker,
      Boolean lookedAfter,
      List<String> schools) {

    public String name() {
      return forename + " " + surname;
    }
  }

  /** A pupil flagged for the school's Targeting Support Meeting: severely absent, no plan. */
  public record TargetingFlag(String upn, String name, String band, Double attendancePercent, LocalDate flaggedOn) {}

  /** A parent or carer the school listed. */
  public record Contact(String name, String relationship, Boolean parentalResponsibility, String address) {}

  static final int CHUNK = 500;
  /** An enrolment {@code e} on the roll on a day (the parameter): no leaving date, or one not before the day. */
  static final String ON_ROLL = onRoll("e");

  /**
   * The one rule of the roll (docs/register.md, "On the roll, and off it after the leaving date"): a
   * pupil is on a school's roll through its leaving date and off it from the day after. The SQL forms
   * below say the same of an enrolment row; every reader of the rule uses one of them.
   */
  static boolean onRollOn(LocalDate leavingDate, LocalDate day) {
    return leavingDate == null || !leavingDate.isBefore(day);
  }

  /** {@link #onRollOn} of the enrolment {@code alias} on a day (the parameter). */
  static String onRoll(String alias) {
    return " (" + alias + ".to_date IS NULL OR " + alias + ".to_date >= ?)";
  }

  /** The enrolment {@code alias} is off the roll on a day (the parameter): its leaving date is before the day. */
  static String offRoll(String alias) {
    return " " + alias + ".to_date < ?";
  }

  private final JdbcTemplate jdbc;
  private final FiguresQuery query;
  private final RegisterCalendars calendars;
  private final RegisterProperties properties;
  private final Bands bands;
  private final RegisterDialect dialect;
  private final org.springframework.transaction.support.TransactionTemplate readOnly;
  private final SchoolCalendar calendar;

  AttendanceRegister(
      JdbcTemplate jdbc,
      FiguresQuery query,
      RegisterCalendars calendars,
      RegisterProperties properties,
      Bands bands,
      org.springframework.transaction.PlatformTransactionManager transactionManager,
      SchoolCalendar calendar) {
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.query = query;
    this.calendars = calendars;
    this.properties = properties;
    this.bands = bands;
    this.dialect = RegisterDialect.of(jdbc);
    this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
  }

  /** The pupil with this UPN, if the register knows it. */
  public Optional<Pupil> pupil(String upn) {
    List<Pupil> found = jdbc.query(
        "SELECT pupil_id, upn, forename, surname, date_of_birth, year_group, school_urn, sen_provision,"
            + " free_school_meals, has_social_worker, looked_after FROM att_pupil WHERE upn = ?",
        (rs, n) -> new Pupil(rs.getInt(1), rs.getString(2).trim(), rs.getString(3), rs.getString(4),
            rs.getDate(5).toLocalDate(), rs.getString(6), urn(rs.getInt(7)), trim(rs.getString(8)),
            bool(rs.getObject(9)), bool(rs.getObject(10)), bool(rs.getObject(11)), List.of()),
        upn.toUpperCase(Locale.ROOT));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Pupil p = found.get(0);
    List<String> schools = jdbc.query(
        "SELECT e.school_urn FROM att_enrolment e WHERE e.pupil_id = ? AND" + ON_ROLL + " ORDER BY e.school_urn",
        (rs, n) -> urn(rs.getInt(1)), p.id(), Date.valueOf(calendar.today()));
    return Optional.of(new Pupil(p.id(), p.upn(), p.forename(), p.surname(), p.dateOfBirth(), p.yearGroup(),
        p.schoolUrn(), p.senProvision(), p.freeSchoolMeals(), p.socialWorker(), p.lookedAfter(), schools));
  }

  /**
   * The schools whose roll the register holds each of these pupils on today (as {@link #pupil} says
   * it, for many pupils in one query per {@link #CHUNK}), by UPN; a UPN the register does not know, or
   * holds on no roll today, is left out.
   */
  public Map<String, List<String>> schoolsToday(Collection<String> upns) {
    Map<String, List<String>> schools = new HashMap<>();
    List<String> all = upns.stream().map(upn -> upn.toUpperCase(Locale.ROOT)).distinct().toList();
    Date today = Date.valueOf(calendar.today());
    for (List<String> chunk : SqlLists.chunks(all, CHUNK)) {
      List<Object> args = new ArrayList<>(chunk);
      args.add(today);
      jdbc.query("SELECT p.upn, e.school_urn FROM att_pupil p JOIN att_enrolment e ON e.pupil_id = p.pupil_id"
              + " WHERE p.upn IN (" + SqlLists.placeholders(chunk.size()) + ") AND" + ON_ROLL
              + " ORDER BY p.upn, e.school_urn",
          rs -> {
            schools.computeIfAbsent(rs.getString(1).trim(), upn -> new ArrayList<>()).add(urn(rs.getInt(2)));
          },
          args.toArray());
    }
    return schools;
  }

  /** The parents and carers the pupil's school listed, in the school's order. */
  public List<Contact> contacts(String upn) {
    return jdbc.query(
        "SELECT c.name, c.relationship, c.parental_responsibility, c.address FROM att_contact c"
            + " JOIN att_pupil p ON p.pupil_id = c.pupil_id WHERE p.upn = ? ORDER BY c.contact_order",
        (rs, n) -> new Contact(rs.getString(1), rs.getString(2), bool(rs.getObject(3)), rs.getString(4)),
        upn.toUpperCase(Locale.ROOT));
  }

  /**
   * The contacts who may be a case's parents (the persons liable): those the school names and does
   * not mark as without parental responsibility; in the school's order.
   */
  public List<Contact> liableContacts(String upn) {
    return contacts(upn).stream()
        .filter(c -> c.name() != null && !c.name().isBlank() && !Boolean.FALSE.equals(c.parentalResponsibility()))
        .toList();
  }

  /** The UPNs of the pupils on the school's roll on {@code day} (main or dual registration), in UPN order. */
  public List<String> pupilsAt(String urn, LocalDate day) {
    return jdbc.query(
        "SELECT p.upn FROM att_enrolment e JOIN att_pupil p ON p.pupil_id = e.pupil_id WHERE e.school_urn = ? AND"
            + ON_ROLL + " ORDER BY p.upn",
        (rs, n) -> rs.getString(1).trim(), Integer.parseInt(urn), Date.valueOf(day));
  }

  /** The pupils on the school's roll on {@code day}, with their details (schools not listed), in UPN order. */
  public List<Pupil> pupilsWithDetailsAt(String urn, LocalDate day) {
    return jdbc.query(
        "SELECT p.pupil_id, p.upn, p.forename, p.surname, p.date_of_birth, p.year_group, p.school_urn, p.sen_provision,"
            + " p.free_school_meals, p.has_social_worker, p.looked_after FROM att_enrolment e"
            + " JOIN att_pupil p ON p.pupil_id = e.pupil_id WHERE e.school_urn = ? AND" + ON_ROLL + " ORDER BY p.upn",
        (rs, n) -> new Pupil(rs.getInt(1), rs.getString(2).trim(), rs.getString(3), rs.getString(4),
            rs.getDate(5).toLocalDate(), rs.getString(6), urn(rs.getInt(7)), trim(rs.getString(8)),
            bool(rs.getObject(9)), bool(rs.getObject(10)), bool(rs.getObject(11)), List.of()),
        Integer.parseInt(urn), Date.valueOf(day));
  }

  /**
   * The pupils flagged for the school's Targeting Support Meeting in the academic year ("2026-27")
   * who are on its roll today: a pupil who has left is the new school's to discuss.
   */
  public List<TargetingFlag> targetingFlags(String urn, String academicYear) {
    return jdbc.query(
        "SELECT p.upn, p.forename, p.surname, f.band, f.attendance_percent, f.flagged_on FROM att_targeting_flag f"
            + " JOIN att_pupil p ON p.pupil_id = f.pupil_id"
            + " JOIN att_enrolment e ON e.pupil_id = f.pupil_id AND e.school_urn = f.school_urn"
            + " WHERE f.school_urn = ? AND f.academic_year = ? AND" + ON_ROLL + " ORDER BY p.upn",
        (rs, n) -> new TargetingFlag(rs.getString(1).trim(), rs.getString(2) + " " + rs.getString(3), rs.getString(4),
            rs.getObject(5) == null ? null : rs.getDouble(5), rs.getDate(6).toLocalDate()),
        Integer.parseInt(urn), Integer.parseInt(academicYear.substring(0, 4)), Date.valueOf(calendar.today()));
  }

  /**
   * Of these pupils (by id), those no longer on the roll of their main school ({@code
   * att_pupil.school_urn}) today, its leaving date past: by id, the leaving date. One statement for
   * up to {@link #CHUNK} pupils, however many there are in it.
   */
  Map<Integer, LocalDate> leftMainSchool(Collection<Integer> pupilIds) {
    Map<Integer, LocalDate> left = new HashMap<>();
    for (List<Integer> chunk : SqlLists.chunks(new ArrayList<>(new java.util.LinkedHashSet<>(pupilIds)), CHUNK)) {
      List<Object> args = new ArrayList<>(chunk);
      args.add(Date.valueOf(calendar.today()));
      jdbc.query("SELECT p.pupil_id, e.to_date FROM att_pupil p"
              + " JOIN att_enrolment e ON e.pupil_id = p.pupil_id AND e.school_urn = p.school_urn"
              + " WHERE p.pupil_id IN (" + SqlLists.placeholders(chunk.size()) + ") AND" + offRoll("e"),
          rs -> {
            left.put(rs.getInt(1), rs.getDate(2).toLocalDate());
          },
          args.toArray());
    }
    return left;
  }

  /**
   * The last day the pupil was on the roll of any of these schools, where each of those
   * registrations has ended (the leaving date); empty when the pupil was never on their roll or is
   * still on one of them today.
   */
  public Optional<LocalDate> leftRollOf(String upn, Collection<String> urns) {
    List<Integer> schools = urns.stream().filter(u -> u != null && u.matches("\\d{1,9}")).map(Integer::valueOf).toList();
    if (upn == null || schools.isEmpty()) {
      return Optional.empty();
    }
    List<Object> args = new ArrayList<>(List.of(upn.toUpperCase(Locale.ROOT)));
    args.addAll(schools);
    List<LocalDate> ends = jdbc.query(
        "SELECT e.to_date FROM att_enrolment e JOIN att_pupil p ON p.pupil_id = e.pupil_id WHERE p.upn = ?"
            + " AND e.school_urn IN (" + SqlLists.placeholders(schools.size()) + ")",
        (rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(), args.toArray());
    LocalDate today = calendar.today();
    if (ends.isEmpty() || ends.stream().anyMatch(end -> end == null || !end.isBefore(today))) {
      return Optional.empty();
    }
    return ends.stream().max(LocalDate::compareTo);
  }

  /**
   * A pupil's enrolment at a school: its first day ({@code att_enrolment.from_date}) and its leaving
   * date (the last day on the roll; null while on it).
   */
  public record Enrolment(String schoolUrn, LocalDate from, LocalDate to) {

    /** Whether the pupil was on this school's roll on the day (from its first day through its leaving date). */
    public boolean onRoll(LocalDate day) {
      return !day.isBefore(from) && onRollOn(to, day);
    }
  }

  /** The pupil's enrolments, past and present, by school URN. */
  public Map<String, Enrolment> enrolments(int pupilId) {
    Map<String, Enrolment> found = new LinkedHashMap<>();
    jdbc.query(
        "SELECT e.school_urn, e.from_date, e.to_date FROM att_enrolment e WHERE e.pupil_id = ? ORDER BY e.school_urn",
        rs -> {
          String urn = urn(rs.getInt(1));
          found.put(urn, new Enrolment(urn, rs.getDate(2).toLocalDate(), rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()));
        },
        pupilId);
    return found;
  }

  /** Whether the register holds any mark for this pupil. */
  public boolean hasMarks(String upn) {
    Integer found = jdbc.query(
        "SELECT 1 FROM att_mark m JOIN att_pupil p ON p.pupil_id = m.pupil_id WHERE p.upn = ? FETCH FIRST 1 ROWS ONLY",
        rs -> rs.next() ? 1 : null, upn.toUpperCase(Locale.ROOT));
    return found != null;
  }

  /** The pupil's figures for the academic year that holds {@code asOf}, from the marks up to that day. */
  public Optional<Figures> figures(String upn, LocalDate asOf) {
    return readOnly.execute(status -> {
      dialect.reuseFiguresPlans(jdbc);
      return figures(Pupils.ofUpns(List.of(upn.toUpperCase(Locale.ROOT))), asOf).values().stream().findFirst();
    });
  }

  /** The figures of each of these pupils (by UPN) as of {@code asOf}; pupils the register does not know are left out. */
  public Map<String, Figures> figures(Collection<String> upns, LocalDate asOf) {
    Map<String, Figures> result = new LinkedHashMap<>();
    List<String> all = upns.stream().map(u -> u.toUpperCase(Locale.ROOT)).distinct().toList();
    for (List<String> chunk : SqlLists.chunks(all, CHUNK)) {
      for (Figures f : figures(Pupils.ofUpns(chunk), asOf).values()) {
        result.put(f.upn(), f);
      }
    }
    return result;
  }

  /**
   * The figures of the pupils an import brought marks for, by pupil id, as of today: the year's
   * totals as the import keeps them, the threshold from the marks. A window of the threshold can
   * only newly reach it where the import changed marks, so {@code thresholdMetOn} is looked for
   * from {@code since} (the import's earliest mark; null for the whole year) and is null when the
   * threshold was met only before it.
   */
  Map<Integer, Figures> figuresOfImport(int importId, LocalDate today, LocalDate since) {
    dialect.beforeIdentification(jdbc);
    return figures(Pupils.ofImport(importId), today, true, since);
  }

  /** The pupil's marks from {@code from} to {@code to} (both included), in date and session order. */
  public List<RegisterMark> marks(String upn, LocalDate from, LocalDate to) {
    return jdbc.query(
        "SELECT m.mark_date, m.session_no, m.school_urn, m.code, m.source_code, m.category FROM att_mark m"
            + " JOIN att_pupil p ON p.pupil_id = m.pupil_id WHERE p.upn = ? AND m.mark_date BETWEEN ? AND ?"
            + " ORDER BY m.mark_date, m.session_no, m.school_urn",
        (rs, n) -> new RegisterMark(rs.getDate(1).toLocalDate(), rs.getInt(2) == 0 ? "AM" : "PM", urn(rs.getInt(3)),
            rs.getString(4), rs.getString(5), rs.getString(6)),
        upn.toUpperCase(Locale.ROOT), Date.valueOf(from), Date.valueOf(to));
  }

  private Map<Integer, Figures> figures(Pupils pupils, LocalDate asOf) {
    return figures(pupils, asOf, false, null);
  }

  private Map<Integer, Figures> figures(Pupils pupils, LocalDate asOf, boolean yearTotals, LocalDate since) {
    LocalDate yearStart = SchoolDays.academicYearStart(asOf);
    LocalDate from = since == null || since.isBefore(yearStart) ? yearStart : since.isAfter(asOf) ? asOf : since;
    Map<Integer, Counts> counts = query.counts(pupils, asOf, yearStart, from, lookback(from), yearTotals);
    Map<Integer, Figures> result = new LinkedHashMap<>();
    Map<List<Integer>, String> bandOf = new HashMap<>();
    int weeks = properties.threshold().schoolWeeks();
    for (Counts c : counts.values()) {
      double percent = Figures.percent(c.present(), c.possible());
      String band = Double.isNaN(percent) ? null
          : bandOf.computeIfAbsent(List.of(c.present(), c.possible()),
              k -> this.bands.band(percent));
      SchoolDays days = calendars.of(c.schoolUrn());
      LocalDate windowFrom = c.thresholdMetOn() == null || days == null ? null : days.windowStart(c.thresholdMetOn(), weeks);
      result.put(c.pupilId(), new Figures(c.upn(), asOf, SchoolDays.academicYearName(asOf), c.possible(), c.present(),
          c.authorised(), c.unauthorised(), Figures.rounded(percent), band, c.recentUnauthorised(), c.thresholdMetOn(),
          windowFrom, c.thresholdMetOn(), urn(c.schoolUrn())));
    }
    return result;
  }

  /** The earliest day a threshold window ending on or after {@code from} can reach back to, at any school. */
  LocalDate lookback(LocalDate from) {
    LocalDate earliest = from;
    for (Integer urn : calendars.urns()) {
      LocalDate start = calendars.of(urn).windowStart(from, properties.threshold().schoolWeeks());
      earliest = start.isBefore(earliest) ? start : earliest;
    }
    return earliest;
  }

  static String urn(int urn) {
    return String.format(Locale.ROOT, "%06d", urn);
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }

  private static Boolean bool(Object value) {
    return value == null ? null : (Boolean) value;
  }
}
