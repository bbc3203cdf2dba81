package uk.schoolattendance.attendance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.schoolattendance.casework.CaseCorrections;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * Pupils with more than one open main registration (no leaving date), which the register held
 * before an import refused a second main registration (docs/register.md), and the data team's
 * repair: which registration is real; each other one ends on the leaving date the data team gives.
 * The pupil's main school becomes the real one's, an open case of the pupil at a school whose
 * registration ended follows the pupil there, and the ended school's lists no longer hold the
 * pupil after the leaving date; its marks stay and count. For whoever imports for every school (the
 * grant IMPORT_MARKS on every school, the data team's), as the import itself; anyone else is refused.
 */
@Service
public class MainRegistrations {

  private static final Logger LOG = LoggerFactory.getLogger(MainRegistrations.class);

  /** An open main registration: the school, its first day and its last mark there (null: none). */
  public record Registration(String urn, String schoolName, LocalDate from, LocalDate lastMark) {}

  /** A pupil with more than one open main registration, earliest first. */
  public record Doubled(String upn, String name, List<Registration> registrations) {}

  /**
   * What a repair did: the registration kept, and the ones ended on the leaving date. {@code
   * caseStayedAt} is the school whose registration ended where the pupil's open case stayed,
   * because penalty notices or court proceedings are open; null when the case followed the pupil
   * or there is none to follow.
   */
  public record Repaired(String upn, Registration kept, List<Registration> ended, LocalDate leavingDate, Registration caseStayedAt,
      boolean caseFollowsLater) {}

  /**
   * A repair as recorded: who made it and when, the registration kept, the ones ended (school and
   * first day) on the leaving date, and the reason the data team typed.
   */
  public record Repair(long id, String upn, String name, String by, Instant at, Registration kept, List<Registration> ended,
      LocalDate leavingDate, String reason) {}

  private static final String DOUBLED =
      "SELECT pupil_id FROM att_enrolment WHERE registration = 'main' AND to_date IS NULL GROUP BY pupil_id HAVING COUNT(*) > 1";

  private final JdbcTemplate jdbc;
  private final PupilStore pupils;
  private final SchoolAccess access;
  private final SchoolDirectory schools;
  private final SchoolCalendar calendar;
  private final OpenCases openCases;
  private final CaseCorrections corrections;

  MainRegistrations(JdbcTemplate jdbc, PupilStore pupils, SchoolAccess access, SchoolDirectory schools,
      SchoolCalendar calendar, OpenCases openCases, CaseCorrections corrections) {
    this.jdbc = jdbc;
    this.pupils = pupils;
    this.access = access;
    this.schools = schools;
    this.calendar = calendar;
    this.openCases = openCases;
    this.corrections = corrections;
  }

  /** Whether the signed-in user may see and repair doubled registrations: IMPORT_MARKS on every school. */
  public boolean mayRepair() {
    return access.mayImportEverySchool();
  }

  /** How many pupils have more than one open main registration. */
  public int count() {
    require();
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM (" + DOUBLED + ") d", Integer.class);
    return n == null ? 0 : n;
  }

  /** The first {@code limit} pupils with more than one open main registration, by UPN. */
  public List<Doubled> doubled(int limit) {
    require();
    // the first pupils by UPN, chosen in SQL: only their registrations are read
    return read(" AND e.pupil_id IN (SELECT d.pupil_id FROM (" + DOUBLED + ") d JOIN att_pupil dp ON dp.pupil_id = d.pupil_id"
        + " ORDER BY dp.upn LIMIT ?)", Math.max(0, limit));
  }

  /** The pupil's open main registrations, if there is more than one. */
  public Optional<Doubled> doubled(String upn) {
    require();
    return read(" AND p.upn = ?", upn == null ? "" : upn.strip().toUpperCase(Locale.ROOT)).stream()
        .filter(d -> d.registrations().size() > 1)
        .findFirst();
  }

  /**
   * Keeps the pupil's main registration at {@code keepUrn} and ends each other open one on {@code
   * leavingDate}, recording the repair (who, when, kept, ended, leaving date, {@code reason}):
   * refused naming the field ({@code upn}, {@code keep}, {@code leavingDate}, {@code reason}) and
   * nothing changed when the pupil has no doubled registration, the school kept is not one of them,
   * the leaving date is missing, in the future, before the ended registration's first day or
   * before its last mark there (those marks would lie outside any registration at that school), or
   * no reason is given. An open case at an ended school follows the pupil once the leaving date has
   * passed: at once for a past date; for today's, the next day ({@link MovedPupilCases}).
   */
  @Transactional
  public Repaired keep(String upn, String keepUrn, LocalDate leavingDate, String reason) {
    require();
    String pupilUpn = upn == null ? "" : upn.strip().toUpperCase(Locale.ROOT);
    List<Integer> ids = jdbc.query("SELECT pupil_id FROM att_pupil WHERE upn = ? FOR UPDATE", (rs, n) -> rs.getInt(1),
        pupilUpn);
    Doubled doubled = ids.isEmpty() ? null : doubled(pupilUpn).orElse(null);
    if (doubled == null) {
      throw new InvalidInputException("upn", "pupil " + pupilUpn + " has no more than one open main registration");
    }
    Registration kept = doubled.registrations().stream().filter(r -> r.urn().equals(keepUrn)).findFirst()
        .orElseThrow(() -> new InvalidInputException("keep", "choose which of the pupil's main registrations is real: "
            + String.join(" or ", doubled.registrations().stream().map(MainRegistrations::named).toList())));
    if (leavingDate == null) {
      throw new InvalidInputException("leavingDate", "is required: the last day on the roll of the other school");
    }
    if (leavingDate.isAfter(calendar.today())) {
      throw new InvalidInputException("leavingDate", "must be today or in the past");
    }
    List<Registration> ended = doubled.registrations().stream().filter(r -> r != kept).toList();
    String why = Inputs.requiredText("reason", reason, Inputs.TEXT_MAX);
    for (Registration other : ended) {
      if (leavingDate.isBefore(other.from())) {
        throw new InvalidInputException("leavingDate", "must be on or after the first day of the registration at "
            + named(other) + ", " + Days.shown(other.from()));
      }
      if (other.lastMark() != null && leavingDate.isBefore(other.lastMark())) {
        throw new InvalidInputException("leavingDate", "must be on or after the last mark " + named(other)
            + " sent for the pupil, " + Days.shown(other.lastMark()) + ": its marks lie within its registration");
      }
    }
    int pupilId = ids.get(0);
    List<Object[]> rows = ended.stream()
        .map(r -> new Object[] {Date.valueOf(leavingDate), pupilId, Integer.parseInt(r.urn())})
        .toList();
    jdbc.batchUpdate("UPDATE att_enrolment SET to_date = ? WHERE pupil_id = ? AND school_urn = ? AND to_date IS NULL", rows);
    pupils.followMainSchool(List.of(pupilId));
    record(pupilId, kept, ended, leavingDate, why);
    LOG.info("{} kept pupil {}'s main registration at {} and ended {} on {}", access.currentUser(), pupilUpn, kept.urn(),
        ended.stream().map(Registration::urn).toList(), leavingDate);
    // the pupil's open case, whoever may read it: at a school whose registration ended, it follows the pupil
    OpenCases.OpenCase open = access.asSystem(() -> openCases.of(pupilUpn));
    Registration caseAt = open == null ? null : ended.stream().filter(r -> r.urn().equals(open.schoolUrn())).findFirst().orElse(null);
    if (caseAt != null && AttendanceRegister.onRollOn(leavingDate, calendar.today())) {
      // on its leaving date the pupil is still on the ended school's roll: the case follows the next day
      boolean stays = corrections.enforcementStageOpen(open.processInstanceId());
      return new Repaired(pupilUpn, kept, ended, leavingDate, stays ? caseAt : null, !stays);
    }
    boolean followed = caseAt != null
        && corrections.followPupilToSchool(open.caseReference(), kept.urn(), "the data team recorded that the pupil's main"
            + " registration is at school " + kept.urn() + " and ended the registration at school " + open.schoolUrn()
            + " on " + Days.shown(leavingDate) + ": the case follows the pupil");
    // not followed: penalty notices or court proceedings are open, and the case stays where they began
    return new Repaired(pupilUpn, kept, ended, leavingDate, followed ? null : caseAt, false);
  }

  private void record(int pupilId, Registration kept, List<Registration> ended, LocalDate leavingDate, String reason) {
    // the kept registration's first day as it stood, so a later change to that registration does not rewrite the record
    org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("INSERT INTO att_registration_repair (pupil_id, repaired_by, repaired_at,"
          + " kept_urn, kept_from, leaving_date, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"repair_id"});
      insert.setInt(1, pupilId);
      insert.setString(2, access.currentUser());
      insert.setTimestamp(3, new Timestamp(EngineClock.now().getTime()));
      insert.setInt(4, Integer.parseInt(kept.urn()));
      insert.setDate(5, Date.valueOf(kept.from()));
      insert.setDate(6, Date.valueOf(leavingDate));
      insert.setString(7, reason);
      return insert;
    }, key);
    long id = key.getKeyAs(Number.class).longValue();
    jdbc.batchUpdate("INSERT INTO att_registration_repair_ended (repair_id, school_urn, from_date) VALUES (?, ?, ?)",
        ended.stream().map(r -> new Object[] {id, Integer.parseInt(r.urn()), Date.valueOf(r.from())}).toList());
  }

  /** The latest {@code limit} repairs, newest first. */
  public List<Repair> repairs(int limit) {
    require();
    return readRepairs(" ORDER BY r.repaired_at DESC, r.repair_id DESC FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY");
  }

  /** The repairs of the pupil's registrations, newest first. */
  public List<Repair> repairs(String upn) {
    require();
    return readRepairs(" WHERE p.upn = ? ORDER BY r.repaired_at DESC, r.repair_id DESC",
        upn == null ? "" : upn.strip().toUpperCase(Locale.ROOT));
  }

  private List<Repair> readRepairs(String whereAndOrder, Object... parameters) {
    Map<String, String> schoolNames = new HashMap<>();
    List<Repair> found = jdbc.query("SELECT r.repair_id, p.upn, p.forename, p.surname, r.repaired_by, r.repaired_at, r.kept_urn,"
            + " r.leaving_date, r.reason, r.kept_from FROM att_registration_repair r JOIN att_pupil p ON p.pupil_id = r.pupil_id"
            + whereAndOrder,
        (rs, n) -> {
          String keptUrn = AttendanceRegister.urn(rs.getInt(7));
          Date keptFrom = rs.getDate(10);
          return new Repair(rs.getLong(1), rs.getString(2).trim(), rs.getString(3) + " " + rs.getString(4), rs.getString(5),
              rs.getTimestamp(6).toInstant(),
              new Registration(keptUrn, schoolNames.computeIfAbsent(keptUrn, this::schoolName),
                  keptFrom == null ? null : keptFrom.toLocalDate(), null),
              new ArrayList<>(), rs.getDate(8).toLocalDate(), rs.getString(9));
        },
        parameters);
    if (found.isEmpty()) {
      return found;
    }
    Map<Long, Repair> byId = new LinkedHashMap<>();
    found.forEach(r -> byId.put(r.id(), r));
    List<Object> ids = new ArrayList<>(byId.keySet());
    jdbc.query("SELECT repair_id, school_urn, from_date FROM att_registration_repair_ended WHERE repair_id IN ("
            + uk.schoolattendance.process.SqlLists.placeholders(ids.size()) + ") ORDER BY from_date, school_urn",
        rs -> {
          String urn = AttendanceRegister.urn(rs.getInt(2));
          byId.get(rs.getLong(1)).ended().add(new Registration(urn, schoolNames.computeIfAbsent(urn, this::schoolName),
              rs.getDate(3).toLocalDate(), null));
        },
        ids.toArray());
    return found;
  }

  private void require() {
    if (!mayRepair()) {
      throw new AuthorizationException("the register's main registrations: IMPORT_MARKS on every school (the data team)");
    }
  }

  private List<Doubled> read(String where, Object... parameters) {
    Map<String, Doubled> byUpn = new LinkedHashMap<>();
    Map<String, String> schoolNames = new HashMap<>();
    jdbc.query(
        "SELECT p.upn, p.forename, p.surname, e.school_urn, e.from_date, (SELECT MAX(m.mark_date) FROM att_mark m"
            + " WHERE m.pupil_id = e.pupil_id AND m.school_urn = e.school_urn) FROM att_enrolment e"
            + " JOIN att_pupil p ON p.pupil_id = e.pupil_id WHERE e.registration = 'main' AND e.to_date IS NULL" + where
            + " ORDER BY p.upn, e.from_date, e.school_urn",
        rs -> {
          String upn = rs.getString(1).trim();
          String urn = AttendanceRegister.urn(rs.getInt(4));
          Date last = rs.getDate(6);
          String name = rs.getString(2) + " " + rs.getString(3);
          String school = schoolNames.computeIfAbsent(urn, this::schoolName);
          byUpn.computeIfAbsent(upn, u -> new Doubled(u, name, new ArrayList<>())).registrations().add(new Registration(urn, school,
              rs.getDate(5).toLocalDate(), last == null ? null : last.toLocalDate()));
        },
        parameters);
    return List.copyOf(byUpn.values());
  }

  /** The school's name, or "school <urn>" when the directory does not know it. */
  public String schoolName(String urn) {
    return schools.find(urn).map(School::name).orElse("school " + urn);
  }

  private static String named(Registration r) {
    return r.schoolName() + " (" + r.urn() + ")";
  }
}
