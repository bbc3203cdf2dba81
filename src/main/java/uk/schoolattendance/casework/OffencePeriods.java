package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_FROM;
import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_TO;
import static uk.schoolattendance.casework.AttendanceCase.PARENTS;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_DATE_OF_BIRTH;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_UPN;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.NoticeDates;
import uk.schoolattendance.notices.PenaltyNoticeRegister;
import uk.schoolattendance.persons.Persons;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.OffenceSessions;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.schools.CompulsorySchoolAge;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * The offence period, a fact of the case (issue #12 item 5): recorded when the legal route is
 * chosen (a penalty notice or a prosecution at the Pupil Planning Meeting, or the leave taken on a
 * term-time leave case), proposed from the register of marks where it exists
 * ({@link OffencePeriodProposals}), otherwise entered by the officer. Every notice, letter and
 * prosecution of the case uses it. It is refused, naming the field, when:
 *
 * <ul>
 *   <li>the pupil's date of birth is not known (compulsory school age is checked from it);
 *   <li>it is missing, ends before it begins, or ends in the future;
 *   <li>for a penalty notice, it holds fewer school sessions than the national threshold asks for
 *       (10 sessions: a period in which 10 unauthorised sessions cannot lie cannot carry the
 *       offence). A prosecution under Education Act 1996 s444(1) has no session threshold and no
 *       10-school-week window (the threshold is the penalty notice code of conduct's test): its
 *       period needs school sessions and, where the register holds marks, unauthorised absence in
 *       them, and is bounded by the time limit below;
 *   <li>the child was not of compulsory school age on every day of it (Education Act 1996 s8);
 *   <li>it shares a day with a standing notice's period for the same parent and child (one
 *       offence is charged once);
 *   <li>for a prosecution, the 6 months to lay an information after it have passed (Magistrates'
 *       Courts Act 1980 s127).
 * </ul>
 */
@Component
public class OffencePeriods {

  private final SchoolCalendar calendar;
  private final CompulsorySchoolAge age;
  private final PenaltyNoticeRegister register;
  private final NoticeDates dates;
  private final OffencePeriodProposals proposals;
  private final Persons persons;
  private final OffenceSessions offenceSessions;

  public OffencePeriods(
      SchoolCalendar calendar, CompulsorySchoolAge age, PenaltyNoticeRegister register, NoticeDates dates,
      OffencePeriodProposals proposals, Persons persons, OffenceSessions offenceSessions) {
    this.persons = persons;
    this.offenceSessions = offenceSessions;
    this.calendar = calendar;
    this.age = age;
    this.register = register;
    this.dates = dates;
    this.proposals = proposals;
  }

  /** Reads, checks and stores the offence period for a notice ({@code prosecution} false) or a prosecution. */
  public void record(VariableScope scope, DecisionService decisions, boolean prosecution) {
    record(scope, decisions, prosecution, parents(scope, calendar.properties().zone()));
  }

  /**
   * As {@link #record(VariableScope, DecisionService, boolean)}, checking the standing notices of
   * {@code concerned} only: the parents the notices go to, or the parents prosecuted.
   */
  public void record(VariableScope scope, DecisionService decisions, boolean prosecution, List<Parent> concerned) {
    LocalDate today = calendar.today();
    LocalDate from = Inputs.optionalDay(scope, OFFENCE_FROM, calendar.properties().zone());
    LocalDate to = Inputs.optionalDay(scope, OFFENCE_TO, calendar.properties().zone());
    if (from == null && to == null) {
      var proposed = proposals.propose(PUPIL_UPN.get(scope), today);
      if (proposed.isPresent()) {
        from = proposed.get().from();
        to = proposed.get().to();
        OFFENCE_FROM.set(scope, from);
        OFFENCE_TO.set(scope, to);
      }
    }
    String what = prosecution ? "a prosecution" : "a penalty notice";
    Inputs.required(OFFENCE_FROM.name(), from, "is required for " + what + ": the first day of the offence period");
    Inputs.required(OFFENCE_TO.name(), to, "is required for " + what + ": the last day of the offence period");
    if (to.isBefore(from)) {
      throw new InvalidInputException(OFFENCE_TO.name(), "must not be before offenceFrom (" + Days.shown(from) + ")");
    }
    if (to.isAfter(today)) {
      throw new InvalidInputException(OFFENCE_TO.name(), "must not be in the future");
    }
    int sessions = 2 * schoolDays(from, to);
    if (prosecution) {
      // s444(1) has no session threshold and no 10-week window (domain notes §2): the period needs
      // school sessions, and, where the register holds the pupil's marks, unauthorised absence in them
      if (sessions == 0) {
        throw new InvalidInputException(
            OFFENCE_FROM.name(), "the offence period " + Days.shown(from, to) + " holds no school sessions");
      }
      if (offenceSessions.unauthorisedSessions(PUPIL_UPN.get(scope), from, to).filter(n -> n == 0).isPresent()) {
        throw new InvalidInputException(
            OFFENCE_FROM.name(),
            "the offence period " + Days.shown(from, to) + " holds no unauthorised sessions (G, N, O, U) in the register");
      }
    } else if (!Decisions.nationalThresholdMet(decisions, sessions)) {
      throw new InvalidInputException(
          OFFENCE_FROM.name(),
          "the offence period " + Days.shown(from, to) + " holds " + sessions
              + " school sessions, fewer than the national threshold's unauthorised sessions");
    }
    LocalDate born =
        Inputs.required(
            PUPIL_DATE_OF_BIRTH.name(), PUPIL_DATE_OF_BIRTH.get(scope),
            "is required before " + what + ": compulsory school age follows from it (Education Act 1996 s8);"
                + " correct the case's pupilDateOfBirth first");
    age.requireCovers(born, from, to);
    String upn = PUPIL_UPN.get(scope);
    for (Parent parent : concerned) {
      List<String> standing =
          register.standingOverlapping(parent.id(), personOf(parent), upn, from, to);
      if (!standing.isEmpty()) {
        throw new InvalidInputException(
            OFFENCE_FROM.name(),
            "the offence period overlaps that of penalty notice " + String.join(", ", standing) + " to " + parent.name()
                + " for this child: an offence is charged once");
      }
    }
    if (prosecution) {
      dates.requireProsecutionInTime(OFFENCE_TO.name(), to);
    }
    CaseFacts.OFFENCE_PERIOD_SHOWN.set(scope, Days.shown(from, to));
  }

  private int schoolDays(LocalDate from, LocalDate to) {
    int days = 0;
    try {
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        if (calendar.isSchoolDay(day)) {
          days++;
        }
      }
    } catch (IllegalStateException e) {
      throw new InvalidInputException(OFFENCE_FROM.name(), "lies outside the term dates the authority has configured");
    }
    return days;
  }

  static List<Parent> parents(VariableScope scope, java.time.ZoneId zone) {
    Object raw = PARENTS.get(scope);
    return raw == null ? List.of() : Parents.parse(PARENTS.name(), raw, zone);
  }

  /**
   * The person whose notices the overlap check counts: the person the parent's id names, else (a
   * case still starting, or opened before persons existed) the person matched on name, address and
   * date of birth; null when there is none yet.
   */
  private String personOf(Parent parent) {
    return persons.survivor(parent.id())
        .or(() -> persons.match(parent.name(), parent.address(), parent.dateOfBirth()))
        .orElse(null);
  }
}
