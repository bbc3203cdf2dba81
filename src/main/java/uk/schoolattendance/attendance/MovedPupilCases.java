package uk.schoolattendance.attendance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.casework.CaseCorrections;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * The daily step that moves an open case to its pupil's new school on the day the old school's
 * leaving date has passed (docs/register.md, "On the roll, and off it after the leaving date"),
 * without waiting for an import: a leaving date recorded ahead (a repair with today's date), or one
 * that passes before any file touches the pupil again. Each pupil whose main registration at a
 * school ended since the step last ran, and who is on the roll of the main school now, has an open
 * case at the ended school follow them ({@link CaseCorrections#followPupilToSchool}); a case with
 * penalty notices or court proceedings open stays. Every node of a cluster schedules the step at
 * {@code attendance.moved-pupils.cron} (default 00:15 every day, Europe/London); the row of
 * {@code att_daily_step} it locks ({@code SELECT ... FOR UPDATE}) holds the last day done, so one
 * node runs it once a day and the others find the day done.
 */
@Component
public class MovedPupilCases {

  private static final Logger LOG = LoggerFactory.getLogger(MovedPupilCases.class);

  static final String STEP = "cases-follow-moved-pupils";

  /** The first run looks back this many days for registrations that ended. */
  static final int FIRST_RUN_DAYS = 400;

  /** What a run did: whether it ran (false: this day was done already) and how many cases moved. */
  public record Outcome(boolean ran, int casesMoved) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final SchoolCalendar calendar;
  private final SchoolAccess access;
  private final OpenCases openCases;
  private final CaseCorrections corrections;
  private final SchoolDirectory schools;

  MovedPupilCases(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SchoolCalendar calendar,
      SchoolAccess access, OpenCases openCases, CaseCorrections corrections, SchoolDirectory schools) {
    this.schools = schools;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.calendar = calendar;
    this.access = access;
    this.openCases = openCases;
    this.corrections = corrections;
  }

  @Scheduled(cron = "${attendance.moved-pupils.cron:0 15 0 * * *}", zone = "${attendance.calendar.zone:Europe/London}")
  void daily() {
    try {
      Outcome outcome = runToday();
      LOG.info("Cases following moved pupils: {}", outcome.ran() ? outcome.casesMoved() + " moved" : "done today already");
    } catch (RuntimeException failed) {
      // another node holding the step's lock past the database's lock timeout, or a failure: tomorrow's run looks back to the last day done
      LOG.warn("Cases following moved pupils did not run today: {}", failed.toString());
    }
  }

  /** Runs the step for today (the engine's clock), unless this node or another did already. */
  public Outcome runToday() {
    LocalDate today = calendar.today();
    return transactions.execute(status -> {
      Date last = jdbc.queryForObject("SELECT last_day FROM att_daily_step WHERE step = ? FOR UPDATE", Date.class, STEP);
      if (last != null && !last.toLocalDate().isBefore(today)) {
        return new Outcome(false, 0);
      }
      // off the roll on the day after the leaving date: the leaving dates from the day before the last run
      LocalDate endedFrom = last == null ? today.minusDays(FIRST_RUN_DAYS) : last.toLocalDate().minusDays(1);
      int moved = follow(today, endedFrom);
      jdbc.update("UPDATE att_daily_step SET last_day = ? WHERE step = ?", Date.valueOf(today), STEP);
      return new Outcome(true, moved);
    });
  }

  /**
   * An open case that stayed at a school whose roll its pupil left (the leaving date passed) while
   * the pupil is on the roll of the main school now: penalty notices or court proceedings are open,
   * so it did not follow the pupil. {@code officer} is the case's officer (given to it), else the
   * named officer of the case's school, else null.
   */
  public record StayedCase(String caseReference, String upn, String pupilName, String caseSchoolUrn, LocalDate leftOn,
      String newSchoolUrn, String officer) {}

  /** The case with this reference, if it is open and stayed at a school its pupil left (whoever asks). */
  public Optional<StayedCase> stayed(String caseReference) {
    return stayed("c.case_reference = ?", caseReference).stream().findFirst();
  }

  /** The open cases of pupils on this school's roll today that stayed at a school they left (whoever asks). */
  public List<StayedCase> stayedElsewhere(String urn) {
    return urn == null || !urn.matches("\\d{1,9}") ? List.of() : stayed("p.school_urn = ?", Integer.valueOf(urn));
  }

  private List<StayedCase> stayed(String filter, Object value) {
    Date today = Date.valueOf(calendar.today());
    record Row(String caseId, StayedCase stayed) {}
    List<Row> rows = jdbc.query(
        "SELECT c.process_instance_id, c.case_reference, p.upn, c.pupil_name, o.school_urn, o.to_date, p.school_urn,"
            + " c.case_officer, c.school_urn FROM cf_case c JOIN att_pupil p ON p.upn = c.pupil_upn"
            // the registrations the pupil left; the case's school among them is chosen below (the search table holds the URN as text)
            + " JOIN att_enrolment o ON o.pupil_id = p.pupil_id AND o.to_date < ?"
            + " JOIN att_enrolment n ON n.pupil_id = p.pupil_id AND n.school_urn = p.school_urn AND n.from_date <= ?"
            + " AND (n.to_date IS NULL OR n.to_date >= ?)"
            + " WHERE c.closed_at IS NULL AND p.school_urn <> o.school_urn AND " + filter + " ORDER BY c.pupil_name_key",
        (rs, n) -> {
          String caseUrn = AttendanceRegister.urn(rs.getInt(5));
          if (!caseUrn.equals(rs.getString(9))) {
            return null;
          }
          String officer = rs.getString(8);
          if (officer == null) {
            officer = schools.find(caseUrn).map(School::namedOfficer).orElse(null);
          }
          return new Row(rs.getString(1), new StayedCase(rs.getString(2), rs.getString(3).trim(), rs.getString(4), caseUrn,
              rs.getDate(6).toLocalDate(), AttendanceRegister.urn(rs.getInt(7)), officer));
        },
        today, today, today, value);
    return rows.stream().filter(r -> r != null && corrections.enforcementOpen(r.caseId())).map(Row::stayed).toList();
  }

  private record Moved(String upn, String endedUrn, LocalDate leavingDate, String mainUrn) {}

  private int follow(LocalDate today, LocalDate endedFrom) {
    List<Moved> moved = jdbc.query(
        "SELECT p.upn, e.school_urn, e.to_date, p.school_urn FROM att_enrolment e JOIN att_pupil p ON p.pupil_id = e.pupil_id"
            + " WHERE e.registration = 'main' AND e.to_date >= ? AND e.to_date < ? AND e.school_urn <> p.school_urn"
            + " AND EXISTS (SELECT 1 FROM att_enrolment n WHERE n.pupil_id = p.pupil_id AND n.school_urn = p.school_urn"
            + " AND n.from_date <= ? AND (n.to_date IS NULL OR n.to_date >= ?))"
            + " ORDER BY p.upn",
        (rs, n) -> new Moved(rs.getString(1).trim(), AttendanceRegister.urn(rs.getInt(2)), rs.getDate(3).toLocalDate(),
            AttendanceRegister.urn(rs.getInt(4))),
        Date.valueOf(endedFrom), Date.valueOf(today), Date.valueOf(today), Date.valueOf(today));
    int followed = 0;
    for (Moved m : moved) {
      OpenCases.OpenCase open = access.asSystem(() -> openCases.of(m.upn()));
      if (open != null && m.endedUrn().equals(open.schoolUrn())
          && corrections.followPupilToSchool(open.caseReference(), m.mainUrn(), "the pupil's registration at school "
              + m.endedUrn() + " ended on " + Days.shown(m.leavingDate()) + " and the pupil is registered at school "
              + m.mainUrn() + ": the case follows the pupil")) {
        followed++;
      }
    }
    return followed;
  }
}
