package uk.schoolattendance.attendance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseCorrections;
import uk.schoolattendance.engine.EngineClock;
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
 * case at the ended school follow them ({@link CaseCorrections#followPupilToSchool}); a case in its
 * penalty-notice or court stage ({@link AttendanceCase#ENFORCEMENT_STAGE}: notices or proceedings
 * open, or waiting at "Decide what follows the withdrawal") stays, and follows the pupil on the step's
 * first run after that stage ended. Each case is moved in a transaction of its own: one that fails is
 * logged, reported ({@link Outcome#failed}), kept in {@code att_daily_step_failure} and tried again on
 * each later run, and the others still move. Every node of a cluster schedules the step at
 * {@code attendance.moved-pupils.cron} (default 00:15 every day, Europe/London); the row of
 * {@code att_daily_step} it locks ({@code SELECT ... FOR UPDATE}) holds the last day done and the
 * instant that run began, so one
 * node runs it once a day and the others find the day done.
 */
@Component
public class MovedPupilCases {

  private static final Logger LOG = LoggerFactory.getLogger(MovedPupilCases.class);

  static final String STEP = "cases-follow-moved-pupils";

  /**
   * What a run did: whether it ran (false: this day was done already), how many cases moved, and the
   * cases it could not move (reference and why), each tried in its own transaction so that one
   * failing case neither undoes the others nor stops the day being recorded.
   */
  public record Outcome(boolean ran, int casesMoved, List<String> failed) {
    public Outcome {
      failed = List.copyOf(failed);
    }

    static Outcome doneAlready() {
      return new Outcome(false, 0, List.of());
    }
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final TransactionTemplate eachCase;
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
    this.eachCase = new TransactionTemplate(transactionManager);
    this.eachCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
      if (!outcome.failed().isEmpty()) {
        LOG.warn("Cases following moved pupils: {} not moved, an attendance officer corrects the school: {}",
            outcome.failed().size(), outcome.failed());
      }
    } catch (RuntimeException failed) {
      // another node holding the step's lock past the database's lock timeout, or a failure: tomorrow's run looks back to the last day done
      LOG.warn("Cases following moved pupils did not run today: {}", failed.toString());
    }
  }

  /**
   * Runs the step for today (the engine's clock), unless this node or another did already. The
   * locked transaction reads the pupils who moved, the cases whose penalty-notice or court stage
   * ended since the last run began (both chosen in SQL) and the cases earlier runs failed to move,
   * and records the day and the instant this run began, so the lock is held only for that; each case
   * then follows its pupil in a transaction of its own. A case that fails is kept in {@code
   * att_daily_step_failure} and tried again on each later run until it moves or no longer needs to.
   */
  public Outcome runToday() {
    LocalDate today = calendar.today();
    java.util.Date began = EngineClock.now();
    java.util.Set<String> retried = new java.util.HashSet<>();
    List<Moved> due = transactions.execute(status -> {
      // read as a day and a moment: the driver's own type for a moment kept with its zone (V640; H2's OffsetDateTime)
      // is no Date, and the last run would be taken to have begun at the start of its day
      Run step = jdbc.queryForObject("SELECT last_day, last_run FROM att_daily_step WHERE step = ? FOR UPDATE",
          (rs, row) -> new Run(rs.getDate(1), rs.getTimestamp(2)), STEP);
      Date last = step.day();
      if (last != null && !last.toLocalDate().isBefore(today)) {
        return null;
      }
      // with no run yet (a new installation) as if it ran yesterday: leaving dates before are the imports' and the
      // officers' to act on, as they were before the step (no silent catch-up of the past)
      LocalDate lastDay = last == null ? today.minusDays(1) : last.toLocalDate();
      java.util.Date lastRun = last != null && step.began() != null ? step.began() : calendar.startOfDay(lastDay);
      // off the roll on the day after the leaving date: the leaving dates from the day before the last run
      Map<String, Moved> moved = new LinkedHashMap<>();
      for (Moved m : moved(today, lastDay.minusDays(1))) {
        moved.putIfAbsent(m.upn(), m);
      }
      // the cases that stayed while their penalty-notice or court stage was open, once it ended (since the last run began)
      for (Moved m : enforcementEnded(lastRun)) {
        moved.putIfAbsent(m.upn(), m);
      }
      // and the cases earlier runs could not move
      for (Moved m : failedBefore()) {
        moved.putIfAbsent(m.upn(), m);
        retried.add(m.upn());
      }
      jdbc.update("UPDATE att_daily_step SET last_day = ?, last_run = ? WHERE step = ?", Date.valueOf(today),
          new Timestamp(began.getTime()), STEP);
      return List.copyOf(moved.values());
    });
    if (due == null) {
      return Outcome.doneAlready();
    }
    int followed = 0;
    List<String> failed = new java.util.ArrayList<>();
    for (Moved m : due) {
      try {
        if (Boolean.TRUE.equals(eachCase.execute(status -> follow(m)))) {
          followed++;
        }
        if (retried.contains(m.upn())) {
          jdbc.update("DELETE FROM att_daily_step_failure WHERE step = ? AND upn = ?", STEP, m.upn());
        }
      } catch (RuntimeException failure) {
        LOG.warn("The case of pupil {} did not follow them to school {}", m.upn(), m.mainUrn(), failure);
        failed.add(m.upn() + " (to school " + m.mainUrn() + "): " + failure);
        keepFailed(m, failure);
      }
    }
    return new Outcome(true, followed, failed);
  }

  private List<Moved> failedBefore() {
    // the pupil's main school now, not when the move failed: a pupil may have moved on (or back) since
    return jdbc.query("SELECT f.upn, f.ended_urn, f.leaving_date, f.main_urn, f.after_enforcement, p.school_urn"
        + " FROM att_daily_step_failure f LEFT JOIN att_pupil p ON p.upn = f.upn WHERE f.step = ? ORDER BY f.upn",
        (rs, n) -> {
          int now = rs.getInt(6);
          String mainUrn = rs.wasNull() ? rs.getString(4) : AttendanceRegister.urn(now);
          return new Moved(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), mainUrn, rs.getBoolean(5));
        },
        STEP);
  }

  private void keepFailed(Moved m, RuntimeException failure) {
    String reason = String.valueOf(failure);
    reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    Timestamp at = new Timestamp(EngineClock.now().getTime());
    String why = reason;
    eachCase.executeWithoutResult(status -> {
      // tried again: the first failure stays, the attempts count up, the last failure is this one
      int kept = jdbc.update("UPDATE att_daily_step_failure SET ended_urn = ?, leaving_date = ?, main_urn = ?,"
          + " after_enforcement = ?, failed_at = ?, reason = ?, attempts = attempts + 1 WHERE step = ? AND upn = ?",
          m.endedUrn(), Date.valueOf(m.leavingDate()), m.mainUrn(), m.afterEnforcement(), at, why, STEP, m.upn());
      if (kept == 0) {
        jdbc.update("INSERT INTO att_daily_step_failure (step, upn, ended_urn, leaving_date, main_urn, after_enforcement,"
            + " failed_at, reason, first_failed_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", STEP, m.upn(), m.endedUrn(),
            Date.valueOf(m.leavingDate()), m.mainUrn(), m.afterEnforcement(), at, why, at);
      }
    });
  }

  /**
   * A case the step could not move, as the failed moves page shows it: the pupil's open case (its
   * reference, or null when the pupil has none now), the pupil, the school the pupil left (the case's)
   * and the school it should follow the pupil to, the leaving date, when it first and last failed, how
   * many runs tried it, and the last error as the step logged it.
   */
  public record FailedMove(String caseReference, String upn, String pupilName, String endedUrn, String mainUrn,
      LocalDate leavingDate, java.time.Instant firstFailedAt, java.time.Instant lastFailedAt, int attempts, String lastError) {}

  /** Every case the step could not move and tries again on its next run, the longest failing first (whoever asks: the page decides who sees it). */
  public List<FailedMove> failedMoves() {
    return jdbc.query("SELECT c.case_reference, f.upn, COALESCE(c.pupil_name, " + pupilName("p") + "), f.ended_urn,"
            + " f.main_urn, f.leaving_date, f.first_failed_at, f.failed_at, f.attempts, f.reason"
            + " FROM att_daily_step_failure f LEFT JOIN att_pupil p ON p.upn = f.upn"
            + " LEFT JOIN cf_case c ON c.pupil_upn = f.upn AND c.closed_at IS NULL"
            + " WHERE f.step = ? ORDER BY f.first_failed_at, f.upn",
        (rs, n) -> new FailedMove(rs.getString(1), rs.getString(2).trim(), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getDate(6).toLocalDate(), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getInt(9),
            rs.getString(10)),
        STEP);
  }

  private static String pupilName(String alias) {
    return alias + ".forename || ' ' || " + alias + ".surname";
  }

  /**
   * An open case that stayed at a school whose roll its pupil left (the leaving date passed) while
   * the pupil is on the roll of the main school now: penalty notices or court proceedings are open,
   * so it did not follow the pupil. {@code officer} is the case's officer (given to it) when {@code
   * caseOfficer}, else the named officer of the case's school, else null.
   */
  public record StayedCase(String caseReference, String upn, String pupilName, String caseSchoolUrn, LocalDate leftOn,
      String newSchoolUrn, String officer, boolean caseOfficer) {

    /** Who to contact about the case, in words, the officer named by {@code nameOf}: the one wording of every page. */
    public String contactWords(java.util.function.Function<String, String> nameOf) {
      if (officer == null) {
        return "the local authority's attendance team";
      }
      return nameOf.apply(officer) + (caseOfficer ? " (the case's attendance officer)" : " (the school's named attendance officer)");
    }
  }

  /** The case with this reference, if it is open and stayed at a school its pupil left (whoever asks). */
  public Optional<StayedCase> stayed(String caseReference) {
    return stayed("c.case_reference = ?", caseReference).stream().findFirst();
  }

  /** The open cases of pupils on this school's roll today that stayed at a school they left (whoever asks). */
  public List<StayedCase> stayedElsewhere(String urn) {
    return urn == null || !urn.matches("\\d{1,9}") ? List.of() : stayed("p.school_urn = ?", Integer.valueOf(urn));
  }

  /** The reference of this pupil's open case, whoever may read it (see {@link #stayed(String)} for whether it stayed). */
  public Optional<String> openCaseReferenceOf(String upn) {
    return Optional.ofNullable(upn == null ? null : access.asSystem(() -> openCases.of(upn))).map(OpenCases.OpenCase::caseReference);
  }

  private List<StayedCase> stayed(String filter, Object... values) {
    List<LeftBehind> rows = leftBehind(filter, values);
    java.util.Set<String> stay = corrections.inEnforcementStage(rows.stream().map(LeftBehind::caseId).toList());
    return rows.stream().filter(r -> stay.contains(r.caseId())).map(LeftBehind::stayed).toList();
  }

  /**
   * The cases left behind at a school their pupil left whose penalty-notice or court stage ({@link
   * AttendanceCase#ENFORCEMENT_STAGE}) is over now, left at or after {@code since}, chosen in SQL from
   * the engine's history: they follow the pupil now. A case an officer put back at the old school
   * before then is not chosen.
   */
  private List<Moved> enforcementEnded(java.util.Date since) {
    List<Object> values = new java.util.ArrayList<>(AttendanceCase.ENFORCEMENT_STAGE);
    values.add(new Timestamp(since.getTime()));
    String stage = String.join(", ", java.util.Collections.nCopies(AttendanceCase.ENFORCEMENT_STAGE.size(), "?"));
    List<LeftBehind> rows = leftBehind("EXISTS (SELECT 1 FROM ACT_HI_ACTINST h WHERE h.PROC_INST_ID_ = c.process_instance_id"
            + " AND h.ACT_ID_ IN (" + stage + ") AND h.END_TIME_ >= ?)", values.toArray());
    java.util.Set<String> stay = corrections.inEnforcementStage(rows.stream().map(LeftBehind::caseId).toList());
    return rows.stream()
        .filter(r -> !stay.contains(r.caseId()))
        .map(r -> new Moved(r.stayed().upn(), r.stayed().caseSchoolUrn(), r.stayed().leftOn(), r.stayed().newSchoolUrn(), true))
        .toList();
  }

  private record LeftBehind(String caseId, StayedCase stayed) {}

  /** The open cases at a school their pupil left, the pupil on the roll of the main school today. */
  private List<LeftBehind> leftBehind(String filter, Object... values) {
    Date today = Date.valueOf(calendar.today());
    List<Object> arguments = new java.util.ArrayList<>(List.of(today, today, today));
    arguments.addAll(List.of(values));
    List<LeftBehind> rows = jdbc.query(
        "SELECT c.process_instance_id, c.case_reference, p.upn, c.pupil_name, o.school_urn, o.to_date, p.school_urn,"
            + " c.case_officer, c.school_urn FROM cf_case c JOIN att_pupil p ON p.upn = c.pupil_upn"
            // the registrations the pupil left; the case's school among them is chosen below (the search table holds the URN as text)
            + " JOIN att_enrolment o ON o.pupil_id = p.pupil_id AND" + AttendanceRegister.offRoll("o")
            + " JOIN att_enrolment n ON n.pupil_id = p.pupil_id AND n.school_urn = p.school_urn AND n.from_date <= ?"
            + " AND" + AttendanceRegister.onRoll("n")
            + " WHERE c.closed_at IS NULL AND p.school_urn <> o.school_urn AND " + filter + " ORDER BY c.pupil_name_key",
        (rs, n) -> {
          String caseUrn = AttendanceRegister.urn(rs.getInt(5));
          if (!caseUrn.equals(rs.getString(9))) {
            return null;
          }
          String officer = rs.getString(8);
          boolean caseOfficer = officer != null;
          if (officer == null) {
            officer = schools.find(caseUrn).map(School::namedOfficer).orElse(null);
          }
          return new LeftBehind(rs.getString(1), new StayedCase(rs.getString(2), rs.getString(3).trim(), rs.getString(4),
              caseUrn, rs.getDate(6).toLocalDate(), AttendanceRegister.urn(rs.getInt(7)), officer, caseOfficer));
        },
        arguments.toArray());
    return rows.stream().filter(java.util.Objects::nonNull).toList();
  }

  private record Moved(String upn, String endedUrn, LocalDate leavingDate, String mainUrn, boolean afterEnforcement) {}

  private List<Moved> moved(LocalDate today, LocalDate endedFrom) {
    return jdbc.query(
        "SELECT p.upn, e.school_urn, e.to_date, p.school_urn FROM att_enrolment e JOIN att_pupil p ON p.pupil_id = e.pupil_id"
            // off the ended school's roll today, and not yet on the day the step last ran
            + " WHERE e.registration = 'main' AND e.to_date >= ? AND" + AttendanceRegister.offRoll("e")
            + " AND e.school_urn <> p.school_urn"
            + " AND EXISTS (SELECT 1 FROM att_enrolment n WHERE n.pupil_id = p.pupil_id AND n.school_urn = p.school_urn"
            + " AND n.from_date <= ? AND" + AttendanceRegister.onRoll("n") + ")"
            + " ORDER BY p.upn",
        (rs, n) -> new Moved(rs.getString(1).trim(), AttendanceRegister.urn(rs.getInt(2)), rs.getDate(3).toLocalDate(),
            AttendanceRegister.urn(rs.getInt(4)), false),
        Date.valueOf(endedFrom), Date.valueOf(today), Date.valueOf(today), Date.valueOf(today));
  }

  private boolean follow(Moved m) {
    OpenCases.OpenCase open = access.asSystem(() -> openCases.of(m.upn()));
    // a pupil back at the case's own school (a retried move) leaves nothing to follow
    return open != null && m.endedUrn().equals(open.schoolUrn()) && !m.mainUrn().equals(open.schoolUrn())
        && corrections.followPupilToSchool(open.caseReference(), m.mainUrn(), "the pupil's registration at school "
            + m.endedUrn() + " ended on " + Days.shown(m.leavingDate()) + " and the pupil is registered at school "
            + m.mainUrn() + (m.afterEnforcement() ? ", and its penalty notices and court proceedings have ended" : "")
            + ": the case follows the pupil");
  }

  /** The day the step last ran for and the moment that run began. */
  private record Run(Date day, Timestamp began) {}
}
