package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.attendance.MarkImporter;
import uk.schoolattendance.attendance.RegisterCalendars;
import uk.schoolattendance.attendance.SchoolDays;

/**
 * A school's attendance lead in Tasklist: the pupils the register identified are listed with their
 * figures (the form's table), and ticking one opens a case in one step, even after a reason of its own
 * was written for it first.
 */
class IdentifiedPupilsBrowserTest extends BrowserTestSupport {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  /** The reason of a pupil's own in the form's list of pupils not ticked (review 1.3 on). */
  static final String OWN_REASON = "textarea[id*='Field_NotOpenedPupilReason']";

  @Autowired MarkImporter importer;
  @Autowired RegisterCalendars calendars;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.TaskService tasks;

  @Test
  void aSchoolSeesItsIdentifiedPupilsAndOpensACaseForOne() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    String upn = Upns.valid("801900000001");
    SchoolDays days = calendars.of(100002);
    StringBuilder csv = new StringBuilder("upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup,"
        + "parent1Name,parent1Address\n");
    boolean first = true;
    for (LocalDate day = LocalDate.of(2026, 9, 7); day.isBefore(TODAY); day = day.plusDays(1)) {
      if (days.isSchoolDay(day)) {
        String code = day.getDayOfWeek().getValue() == 1 ? "O" : "/";
        csv.append(upn).append(",100002,").append(day).append(",AM,").append(code)
            .append(first ? ",Riley,Browserton,2015-02-03,6,Pat Browserton,\"9 Mill Lane, Hilltown HT1 2BB\"" : "")
            .append('\n');
        csv.append(upn).append(",100002,").append(day).append(",PM,").append(code.equals("O") ? "O" : "\\").append('\n');
        first = false;
      }
    }
    // other tests of this Spring context may have left review tasks open: close them (saying why no
    // case opens), so this import starts the school's review and it lists this pupil only
    tasks.createTaskQuery().processDefinitionKey("ReviewIdentifiedPupils").list()
        .forEach(task -> {
          java.util.Map<String, Object> close = new java.util.HashMap<>();
          close.put("notOpenedReason", "closed before the browser test");
          Object shown = tasks.getVariable(task.getId(), "listRevision");
          if (shown != null) {
            close.put("listRevision", shown);
          }
          tasks.complete(task.getId(), close);
        });
    int importId = importer.importFile(MarkImporter.Format.CSV,
        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), null, "datateam", urn -> true, TODAY);
    String identification = runtime.createProcessInstanceQuery().processInstanceBusinessKey("import-" + importId)
        .singleResult().getId();
    for (Job job : management.createJobQuery().processInstanceId(identification).list()) {
      management.executeJob(job.getId());
    }


    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      browser.press(By.xpath("//*[contains(text(), \"My school's tasks\")]"));
      browser.press(By.xpath("//a[contains(., 'Review identified pupils')]"));
      browser.claimTask(() -> "school2".equals(reviewAssignee(importId)));
      browser.visible(By.xpath("//td[contains(., 'Riley Browserton')]"));
      browser.screenshot("school-reviews-identified-pupils");
      // the lead first writes why no case for Riley, then changes their mind and ticks Riley: the row
      // with that reason goes, and the reason written there does not stop the case opening
      browser.type(OWN_REASON, "Family moving away at half term");
      browser.press(By.xpath("//label[contains(., 'Riley Browserton')]"));
      browser.waitUntil("ticked-row-hidden", () -> browser.driver().findElements(By.cssSelector(OWN_REASON)).stream()
          .noneMatch(org.openqa.selenium.WebElement::isDisplayed));
      browser.press(By.cssSelector("button[ng-click='complete()']"));
      browser.waitUntil("case-opened", () -> {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey("review-" + importId + "-100002").list()
            .forEach(review -> management.createJobQuery().processInstanceId(review.getId()).list()
                .forEach(job -> management.executeJob(job.getId())));
        return runtime.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
            .variableValueEquals("pupilUpn", upn).count() == 1;
      });
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
        .variableValueEquals("pupilName", "Riley Browserton").count()).isEqualTo(1);
  }

  private String reviewAssignee(int importId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey("review-" + importId + "-100002").list().stream()
        .flatMap(review -> tasks.createTaskQuery().processInstanceId(review.getId()).list().stream())
        .map(task -> String.valueOf(task.getAssignee()))
        .findFirst()
        .orElse("");
  }
}
