package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.attendance.MarkImporter;
import uk.schoolattendance.attendance.RegisterCalendars;

/**
 * Walk 14, defect 7: "Open a case" on Identified pupils not opened went to Tasklist's task list, where the
 * lead had to find Start process, pick Attendance case and retype the pupil. It opens the start form for
 * that pupil, with the UPN, name and school filled in, and the parents the register holds for the pupil.
 */
class PupilsNotOpenedBrowserTest extends BrowserTestSupport {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Autowired MarkImporter importer;
  @Autowired RegisterCalendars calendars;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  @Test
  void openACaseOpensTheStartFormForThatPupil() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    String upn = Upns.valid("801900000014");
    RegisterFile register = new RegisterFile(calendars.of(100002), "100002", TODAY, RegisterFile.PUPIL_COLUMNS
        + ",parent1Relationship,parent1Responsibility,parent2Name,parent2Address,parent2Relationship")
        .pupil(upn, "Robin,O'Startform,2015-02-03,6,Pat O'Startform,\"9 Mill Lane, Hilltown HT1 2BB\",Mum,yes,"
            + "Lee O'Startform,\"4 Dale Road, Hilltown HT2 3CC\",Father");
    closeOpenReviews();
    int importId = register.importedBy(importer, TODAY);
    RegisterFile.identify(runtime, management, importId);
    // the school leaves the pupil unticked, saying why, later that day
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(16, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    closeOpenReviews();

    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      // newest review first, 50 to a page: another class's reviews of this school (completed by the
      // real clock, days later) may come first, so the pupil's row is looked for on every page
      WebElement open = browser.onSomePage("/casework/pupils-not-opened",
          By.cssSelector("tr[data-upn='" + upn + "'] a.open-a-case"));
      String href = open.getDomAttribute("href");
      assertThat(href).contains("#/?start=AttendanceCase&pupilUpn=" + upn);
      browser.press(By.cssSelector("tr[data-upn='" + upn + "'] a.open-a-case"));
      browser.waitUntil("start-form-filled", () -> valueOf(browser, "Field_PupilUpn").equals(upn)
          && valueOf(browser, "Field_PupilName").equals("Robin O'Startform")
          && valueOf(browser, "Field_SchoolUrn").equals("100002"));
      // and the parents the register holds for the pupil, read from the API, never from the address
      assertThat(href).doesNotContain("Pat").doesNotContain("Mill");
      browser.waitUntil("parents-filled", () -> valueOf(browser, "Field_Parent1Name").equals("Pat O'Startform")
          && valueOf(browser, "Field_Parent1Address").equals("9 Mill Lane, Hilltown HT1 2BB")
          && selected(browser, "Field_Parent1Relationship").equals("Mother")
          && valueOf(browser, "Field_Parent2Name").equals("Lee O'Startform")
          && valueOf(browser, "Field_Parent2Address").equals("4 Dale Road, Hilltown HT2 3CC")
          && selected(browser, "Field_Parent2Relationship").equals("Father"));
      assertThat(browser.driver().findElements(By.cssSelector(
          ".modal input[type=radio][id*='-Field_Parent1ParentalResponsibility']")).stream()
          .filter(WebElement::isSelected).count()).isEqualTo(1);
      browser.screenshot("open-a-case-start-form-filled");
      assertThat(browser.driver().findElement(By.cssSelector(".modal button[ng-click='startProcessInstance()']")).isDisplayed())
          .isTrue();
    }
  }

  /** What a form-js select shows: the label chosen, "Select" when none. */
  private static String selected(Browser browser, String fieldId) {
    return browser.driver().findElements(By.cssSelector(".modal .fjs-container [id$='-" + fieldId + "-display']")).stream()
        .map(WebElement::getText).map(String::trim).findFirst().orElse("");
  }

  private static String valueOf(Browser browser, String fieldId) {
    return browser.driver().findElements(By.cssSelector(".modal .fjs-container input[id$='-" + fieldId + "']")).stream()
        .map(input -> String.valueOf(input.getDomProperty("value"))).findFirst().orElse("");
  }

  /** Completes every open review, leaving its pupils unticked with a reason. */
  private void closeOpenReviews() {
    tasks.createTaskQuery().processDefinitionKey("ReviewIdentifiedPupils").list().forEach(task -> {
      Map<String, Object> close = new HashMap<>();
      close.put("pupilsToOpen", "[]");
      close.put("notOpenedReason", "a support plan agreed with the family");
      Object shown = tasks.getVariable(task.getId(), "listRevision");
      if (shown != null) {
        close.put("listRevision", shown);
      }
      tasks.complete(task.getId(), close);
    });
  }
}
