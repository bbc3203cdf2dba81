package uk.schoolattendance.improvement;

import static uk.schoolattendance.improvement.NoticeToImprove.ATTENDANCE_PERCENT;
import static uk.schoolattendance.improvement.NoticeToImprove.ATTENDANCE_SOURCE;
import static uk.schoolattendance.improvement.NoticeToImprove.BASE_DATE;
import static uk.schoolattendance.improvement.NoticeToImprove.ENDS_ON;
import static uk.schoolattendance.improvement.NoticeToImprove.ISSUED_ON;
import static uk.schoolattendance.improvement.NoticeToImprove.LETTER;
import static uk.schoolattendance.improvement.NoticeToImprove.PARENTS;
import static uk.schoolattendance.improvement.NoticeToImprove.PERIOD_WEEKS;
import static uk.schoolattendance.improvement.NoticeToImprove.PUPIL_NAME;
import static uk.schoolattendance.improvement.NoticeToImprove.PUPIL_UPN;
import static uk.schoolattendance.improvement.NoticeToImprove.SCHOOL_URN;
import static uk.schoolattendance.improvement.NoticeToImprove.SUPPORT_SO_FAR;
import static uk.schoolattendance.improvement.NoticeToImprove.UNAUTHORISED_SESSIONS;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.CaseAssignment;
import uk.schoolattendance.casework.RegisterFigures;
import uk.schoolattendance.notices.Letterhead;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.ThresholdWords;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * "Issue Notice to Improve" ({@code issueNoticeToImprove}): records the notice's dates, works
 * out the end of the improvement period in school weeks and stores the letter as the File
 * variable {@code noticeToImproveLetter} (one PDF, a notice to each liable parent). The timer
 * and {@code noticeToImproveEndsOn} take the first school day after the period; the letter and
 * the forms state its last school day. The letter comes from the case's officer (read from the
 * identity store), else the team ({@code attendance.notice-to-improve.team}). While the council's
 * name or address is still the national placeholder it refuses ({@link Letterhead#requireSender},
 * the penalty notice's check) before recording anything: the job is retried, then its incident
 * names the properties. For a case whose figures come from register marks
 * ({@code attendanceSource = marks}) the letter quotes the register's figures on the day of issue. Idempotent: when the notice is already recorded on this instance a retry
 * changes nothing.
 */
@Component("issueNoticeToImprove")
public class IssueNoticeToImprove implements JavaDelegate {

  private final SchoolCalendar calendar;
  private final SchoolDirectory schools;
  private final NoticeToImproveProperties properties;
  private final PenaltyNoticeProperties authority;
  private final CaseAssignment caseAssignment;
  private final ThresholdWords threshold;
  private final RegisterFigures register;
  private final ImprovementPeriod improvementPeriod;

  public IssueNoticeToImprove(
      SchoolCalendar calendar, SchoolDirectory schools, NoticeToImproveProperties properties,
      PenaltyNoticeProperties authority, CaseAssignment caseAssignment, ThresholdWords threshold,
      RegisterFigures register, ImprovementPeriod improvementPeriod) {
    this.improvementPeriod = improvementPeriod;
    this.threshold = threshold;
    this.register = register;
    this.calendar = calendar;
    this.schools = schools;
    this.properties = properties;
    this.authority = authority;
    this.caseAssignment = caseAssignment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (LETTER.isSet(execution)) {
      return;
    }
    // never in the name of "The Local Authority, Civic Centre, High Street": refused before anything
    // is recorded, so the job is retried and its incident names the properties to set
    PenaltyNoticeProperties.Authority sender = authority.authority();
    Letterhead.requireSender(sender, Letterhead.NOTICES_TO_IMPROVE);
    LocalDate issuedOn = calendar.today();
    // the one rule of the period (walk 13, #13/#14): it begins when the notice is received, and the
    // letter, the timer, the review and the case page all take their days from it
    ImprovementPeriod.Dates period = improvementPeriod.of(issuedOn);
    int weeks = period.weeks();
    ISSUED_ON.set(execution, issuedOn);
    BASE_DATE.set(execution, period.startsOn());
    PERIOD_WEEKS.set(execution, weeks);
    // the timer fires on endsOn, the first school day after the period; people are told its last day
    ENDS_ON.set(execution, period.endsOn());
    LocalDate lastDay = period.lastDay();
    NoticeToImprove.IMPROVEMENT_PERIOD_SHOWN.set(execution, period.shown());

    // set per case by the officer when the case turned to formal action (issue #12 item 9)
    String sufficientImprovement = Inputs.required(
        NoticeToImprove.SUFFICIENT_IMPROVEMENT.name(), NoticeToImprove.SUFFICIENT_IMPROVEMENT.get(execution),
        "is required: what sufficient improvement is for this case, set by the officer (the letter prints it)");
    JsonNode given = PARENTS.get(execution);
    List<Parent> parents = given == null ? List.of() : Parents.parse(PARENTS.name(), given, calendar.properties().zone());
    String urn = SCHOOL_URN.get(execution);
    NoticeToImproveLetter.Officer officer = officer(execution, caseAssignment.namedOfficer(urn, execution));
    // a case decided on register marks: the letter quotes the register's figures on the day of issue,
    // never a figure typed at a review (walk 11, defect 3); the notice's own variables say the same.
    // The review's test of "has marks" (review 2, S1): a case started on typed figures keeps them
    RegisterFigures.CaseFigures marks =
        register.ofCase(ATTENDANCE_SOURCE.get(execution), PUPIL_UPN.get(execution)).orElse(null);
    if (marks != null) {
      ATTENDANCE_PERCENT.set(execution, marks.attendancePercent());
      UNAUTHORISED_SESSIONS.set(execution, marks.unauthorisedSessions());
    }
    Double attendance = ATTENDANCE_PERCENT.get(execution);
    Integer sessions = UNAUTHORISED_SESSIONS.get(execution);
    // what the calling case recorded: an early help assessment under way is not offered again (walk 13, #23)
    boolean earlyHelpStarted = execution.getSuperExecution() != null
        && Boolean.TRUE.equals(uk.schoolattendance.casework.AttendanceCase.EARLY_HELP_ASSESSMENT.get(execution.getSuperExecution()));
    // one notice to each liable parent, at their own address
    List<Parent> addressed = parents.isEmpty() ? List.of(new Parent(null, "The parent", "")) : parents;
    List<NoticeToImproveLetter.Content> notices =
        addressed.stream()
            .map(parent -> new NoticeToImproveLetter.Content(
                execution.getProcessBusinessKey(),
                parent.name(),
                parent.address() == null ? "" : parent.address(),
                PUPIL_NAME.get(execution),
                PUPIL_UPN.get(execution),
                schools.find(urn).map(School::name).orElse("school " + urn),
                attendance == null ? 0 : attendance,
                sessions == null ? 0 : sessions,
                SUPPORT_SO_FAR.get(execution),
                sufficientImprovement,
                issuedOn,
                period.startsOn(),
                lastDay,
                weeks,
                sender,
                properties.team(),
                officer,
                threshold,
                earlyHelpStarted,
                List.copyOf(properties.earlyEscalationReasons().values())))
            .toList();
    byte[] pdf = NoticeToImproveLetter.renderAll(notices);
    LETTER.set(
        execution,
        Variables.fileValue("notice-to-improve-" + execution.getProcessBusinessKey() + ".pdf")
            .file(pdf)
            .mimeType("application/pdf")
            .create());
  }

  /**
   * The case's officer (the one it was given, else the school's named officer) as the identity
   * store names them; null when there is none or the store has no name for them, and the letter
   * names the team.
   */
  private static NoticeToImproveLetter.Officer officer(DelegateExecution execution, List<String> officers) {
    if (officers.isEmpty()) {
      return null;
    }
    User user = execution.getProcessEngineServices().getIdentityService().createUserQuery()
        .userId(officers.get(0)).singleResult();
    String first = user == null || user.getFirstName() == null ? "" : user.getFirstName().strip();
    String last = user == null || user.getLastName() == null ? "" : user.getLastName().strip();
    String name = (first + " " + last).strip();
    if (name.isEmpty()) {
      return null;
    }
    String email = user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail().strip();
    return new NoticeToImproveLetter.Officer(name, email);
  }
}
