package uk.schoolattendance.improvement;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.JsonVariables;
import uk.schoolattendance.schools.DateValues;
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

  public static final String LETTER = "noticeToImproveLetter";

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
    if (execution.getVariable(LETTER) != null) {
      return;
    }
    ZoneId zone = calendar.properties().zone();
    LocalDate issuedOn = calendar.today();
    int weeks = properties.periodSchoolWeeks();
    LocalDate endsOn = calendar.addSchoolWeeks(issuedOn, weeks);
    execution.setVariable("noticeToImproveIssuedOn", DateValues.toDate(issuedOn, zone));
    execution.setVariable("noticeToImproveBaseDate", DateValues.toDate(issuedOn, zone));
    execution.setVariable("improvementPeriodWeeks", weeks);
    execution.setVariable("noticeToImproveEndsOn", calendar.atTimeOfDay(endsOn));

    JsonNode parents = JsonVariables.read(execution, "parents");
    JsonNode first = parents != null && parents.size() > 0 ? parents.get(0) : null;
    StringBuilder names = new StringBuilder();
    if (parents != null) {
      for (JsonNode parent : parents) {
        names.append(names.length() == 0 ? "" : " and ").append(parent.path("name").asText());
      }
    }
    String urn = (String) execution.getVariable("schoolUrn");
    NoticeToImproveLetter.Content content =
        new NoticeToImproveLetter.Content(
            execution.getProcessBusinessKey(),
            names.length() == 0 ? "The parent" : names.toString(),
            first == null ? "" : first.path("address").asText(""),
            (String) execution.getVariable("pupilName"),
            (String) execution.getVariable("pupilUpn"),
            schools.find(urn).map(s -> s.name()).orElse("school " + urn),
            number(execution.getVariable("attendancePercent")),
            (int) number(execution.getVariable("unauthorisedSessions")),
            (String) execution.getVariable("supportSoFar"),
            issuedOn,
            endsOn,
            weeks);
    byte[] pdf = NoticeToImproveLetter.render(content);
    execution.setVariable(
        LETTER,
        Variables.fileValue("notice-to-improve-" + execution.getProcessBusinessKey() + ".pdf")
            .file(pdf)
            .mimeType("application/pdf")
            .create());
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0;
  }
}
