package uk.schoolattendance.improvement;

import static uk.schoolattendance.improvement.NoticeToImprove.ATTENDANCE_PERCENT;
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
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * "Issue Notice to Improve" ({@code issueNoticeToImprove}): records the notice's dates, works
 * out the end of the improvement period in school weeks and stores the letter as the File
 * variable {@code noticeToImproveLetter} (one PDF, a page per liable parent is not needed: one
 * letter addressed to the first parent, copied to the others). Idempotent: when the notice is
 * already recorded on this instance a retry changes nothing.
 */
@Component("issueNoticeToImprove")
public class IssueNoticeToImprove implements JavaDelegate {

  private final SchoolCalendar calendar;
  private final SchoolDirectory schools;
  private final NoticeToImproveProperties properties;

  public IssueNoticeToImprove(
      SchoolCalendar calendar, SchoolDirectory schools, NoticeToImproveProperties properties) {
    this.calendar = calendar;
    this.schools = schools;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (LETTER.isSet(execution)) {
      return;
    }
    LocalDate issuedOn = calendar.today();
    int weeks = properties.periodSchoolWeeks();
    LocalDate endsOn = calendar.addSchoolWeeks(issuedOn, weeks);
    ISSUED_ON.set(execution, issuedOn);
    BASE_DATE.set(execution, issuedOn);
    PERIOD_WEEKS.set(execution, weeks);
    ENDS_ON.set(execution, endsOn);
    NoticeToImprove.IMPROVEMENT_PERIOD_SHOWN.set(execution, Days.shown(issuedOn, endsOn));

    // set per case by the officer when the case turned to formal action (issue #12 item 9)
    String sufficientImprovement = Inputs.required(
        NoticeToImprove.SUFFICIENT_IMPROVEMENT.name(), NoticeToImprove.SUFFICIENT_IMPROVEMENT.get(execution),
        "is required: what sufficient improvement is for this case, set by the officer (the letter prints it)");
    JsonNode given = PARENTS.get(execution);
    List<Parent> parents = given == null ? List.of() : Parents.parse(PARENTS.name(), given);
    String urn = SCHOOL_URN.get(execution);
    Double attendance = ATTENDANCE_PERCENT.get(execution);
    Integer sessions = UNAUTHORISED_SESSIONS.get(execution);
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
                endsOn,
                weeks))
            .toList();
    byte[] pdf = NoticeToImproveLetter.renderAll(notices);
    LETTER.set(
        execution,
        Variables.fileValue("notice-to-improve-" + execution.getProcessBusinessKey() + ".pdf")
            .file(pdf)
            .mimeType("application/pdf")
            .create());
  }
}
