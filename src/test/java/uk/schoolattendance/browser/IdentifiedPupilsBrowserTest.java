package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.attendance.MarkImporter;
import uk.schoolattendance.attendance.RegisterCalendars;

/**
 * A school's attendance lead in Tasklist: the pupils the register identified are listed with their
 * figures (the form's table), and ticking one opens a case in one step, even after a reason of its own
 * was written for it first.
 */
class IdentifiedPupilsBrowserTest extends BrowserTestSupport {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  /** The reason of a pupil's own in the form's list of pupils not ticked (review 1.3 on). */
  static final String OWN_REASON = "textarea[id*='Field_NotOpenedPupilReason']";
  /** The reason for the pupils left unticked without one of their own. */
  static final String REASON_FOR_THE_REST = "textarea[id$='Field_NotOpenedReason']";

  @Autowired MarkImporter importer;
  @Autowired RegisterCalendars calendars;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aSchoolSeesItsIdentifiedPupilsAndOpensACaseForOne() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    String upn = Upns.valid("801900000001");
    RegisterFile register = new RegisterFile(calendars.of(100002), "100002", TODAY).pupil(upn, "Riley", "Browserton");
    // other tests of this Spring context may have left review tasks open: close them (saying why no
    // case opens), so this import starts the school's review and it lists this pupil only
    closeOpenReviews();
    int importId = register.importedBy(importer, TODAY);
    RegisterFile.identify(runtime, management, importId);

    try (Browser browser = browser()) {
      openTheReview(browser, importId);
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
        RegisterFile.runReviews(runtime, management, importId, "100002");
        return runtime.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
            .variableValueEquals("pupilUpn", upn).count() == 1;
      });
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
        .variableValueEquals("pupilName", "Riley Browserton").count()).isEqualTo(1);
  }

  /**
   * Review 1.3 hides a ticked pupil's row of reasons, its read-only pupil and UPN too: the lead of a
   * school with three identified pupils ticks one, gives one a reason of its own and leaves one to the
   * reason for the rest. Complete opens the ticked pupil's case and keeps each unticked pupil's reason,
   * as Identified pupils not opened shows them.
   */
  @Test
  void aLeadTicksOneGivesOneItsOwnReasonAndLeavesOneToTheRest() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    String ticked = Upns.valid("801900000021");
    String own = Upns.valid("801900000022");
    String rest = Upns.valid("801900000023");
    RegisterFile register = new RegisterFile(calendars.of(100002), "100002", TODAY);
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    names.put(ticked, "Ash,Tickwell");
    names.put(own, "Bea,Ownreason");
    names.put(rest, "Cal,Restreason");
    names.forEach((upn, name) -> register.pupil(upn, name.replaceAll(",.*", ""), name.replaceAll(".*,", "")));
    closeOpenReviews();
    int importId = register.importedBy(importer, TODAY);
    RegisterFile.identify(runtime, management, importId);
    // completed later that day than the other tests' reviews of this class
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(17, 0).atZone(ZoneId.of("Europe/London")).toInstant()));

    try (Browser browser = browser()) {
      openTheReview(browser, importId);
      browser.visible(By.xpath("//td[contains(., 'Cal Restreason')]"));
      browser.press(By.xpath("//label[contains(., 'Ash Tickwell')]"));
      browser.waitUntil("ticked-row-hidden", () -> browser.driver().findElements(By.cssSelector(OWN_REASON)).stream()
          .filter(org.openqa.selenium.WebElement::isDisplayed).count() == 2);
      browser.type(ownReasonOf(browser, own), "Moving to Scotland at half term");
      browser.type(REASON_FOR_THE_REST, "Support plan agreed with the family");
      browser.screenshot("school-ticks-one-gives-reasons");
      completeTheReview(browser, importId, ticked);
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
          .variableValueEquals("pupilUpn", own).count()).isZero();
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
          .variableValueEquals("pupilUpn", rest).count()).isZero();

      // the list is the school's, newest review first, 50 to a page: other classes' reviews of this
      // school (some completed on later days by the real clock) may come first, so each row is looked
      // for on every page
      assertThat(reasonShown(browser, own)).isEqualTo("Moving to Scotland at half term");
      assertThat(reasonShown(browser, rest)).isEqualTo("Support plan agreed with the family");
      browser.screenshot("pupils-not-opened-each-reason");
      browser.open("/casework/pupils-not-opened");
      assertThat(browser.onThisOrALaterPage(By.cssSelector("tr[data-upn='" + ticked + "']"))).isEmpty();
    }
  }

  /**
   * Signs school2's lead in to Tasklist, shows "My school's tasks" and opens the review the import
   * started at its address, as the case file links to a task (a busy school's list runs past its first
   * page: other classes leave their tasks, soonest due first), and claims it.
   */
  private void openTheReview(Browser browser, int importId) {
    browser.logInTo("tasklist", "school2", "school2");
    browser.press(By.xpath("//*[contains(text(), \"My school's tasks\")]"));
    browser.open("/camunda/app/tasklist/default/#/?task=" + reviewTask(importId));
    browser.claimTask(() -> "school2".equals(reviewAssignee(importId)));
  }

  /** Completes the open review and waits until the review's run opens the case of the pupil with this UPN. */
  private void completeTheReview(Browser browser, int importId, String upnWhoseCaseOpens) {
    browser.press(By.cssSelector("button[ng-click='complete()']"));
    browser.waitUntil("case-opened", () -> {
      if (!browser.errorNotifications().isEmpty()) {
        throw new AssertionError("Complete was refused: " + browser.errorNotifications());
      }
      RegisterFile.runReviews(runtime, management, importId, "100002");
      return runtime.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
          .variableValueEquals("pupilUpn", upnWhoseCaseOpens).count() == 1;
    });
  }

  /**
   * Review 16: a pupil who joined another school's roll after the review was made is marked on the
   * form when the lead opens it, without naming the school, and is not offered for ticking nor for a
   * reason; the one pupil offered ticked, the reasons (the list and the box for the rest) are hidden,
   * as none is needed. Complete opens the ticked pupil's case; the moved pupil is shown on Identified
   * pupils not opened as on another school's roll.
   */
  @Test
  void aPupilNowOnAnotherSchoolsRollIsMarkedNotOfferedAndTheReasonsHideOnceEveryPupilOfferedIsTicked() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    String moved = Upns.valid("801900000031");
    String stayed = Upns.valid("801900000032");
    RegisterFile register = new RegisterFile(calendars.of(100002), "100002", TODAY)
        .pupil(moved, "Dee", "Movedaway").pupil(stayed, "Eli", "Stayput");
    closeOpenReviews();
    int importId = register.importedBy(importer, TODAY);
    RegisterFile.identify(runtime, management, importId);
    // Dee leaves 100002 yesterday and is on 100001's roll from today, as the next files would say
    Integer pupilId = jdbc.queryForObject("SELECT pupil_id FROM att_pupil WHERE upn = ?", Integer.class, moved);
    jdbc.update("UPDATE att_enrolment SET to_date = ? WHERE pupil_id = ? AND school_urn = 100002",
        java.sql.Date.valueOf(TODAY.minusDays(1)), pupilId);
    jdbc.update("INSERT INTO att_enrolment (pupil_id, school_urn, registration, from_date) VALUES (?, 100001, 'main', ?)",
        pupilId, java.sql.Date.valueOf(TODAY));

    try (Browser browser = browser()) {
      openTheReview(browser, importId);
      String mark = browser.visible(By.xpath("//td[contains(., 'Dee Movedaway')]")).getText();
      assertThat(mark).contains("now on another school's roll").doesNotContain("100001").doesNotContain("Riverside");
      browser.visible(By.xpath("//label[contains(., 'Eli Stayput')]"));
      assertThat(browser.driver().findElements(By.xpath("//label[contains(., 'Dee Movedaway')]"))).isEmpty();
      // Eli unticked: a reason of Eli's own and the box for the rest are asked; none for Dee
      assertThat(browser.driver().findElements(By.cssSelector("input[id*='Field_NotOpenedUpn']")).stream()
          .filter(org.openqa.selenium.WebElement::isDisplayed).map(upn -> upn.getDomProperty("value")).toList())
          .containsExactly(stayed);
      browser.visible(By.cssSelector(REASON_FOR_THE_REST));
      browser.screenshot("school-review-pupil-on-another-roll");
      browser.press(By.xpath("//label[contains(., 'Eli Stayput')]"));
      browser.waitUntil("reasons-hidden", () -> browser.driver().findElements(By.cssSelector(OWN_REASON + ", "
          + REASON_FOR_THE_REST)).stream().noneMatch(org.openqa.selenium.WebElement::isDisplayed)
          && browser.driver().findElements(By.xpath("//*[contains(text(), 'Why no case now')]")).stream()
              .noneMatch(org.openqa.selenium.WebElement::isDisplayed));
      browser.screenshot("school-review-every-pupil-ticked");
      completeTheReview(browser, importId, stayed);
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
          .variableValueEquals("pupilUpn", moved).count()).isZero();
      assertThat(browser.onSomePage("/casework/pupils-not-opened", By.cssSelector("tr[data-upn='" + moved + "']")).getText())
          .contains("On another school's roll: that school opens the case").doesNotContain("Riverside");
    }
  }

  /** The selector of the reason field in the row of the pupil with this UPN (rows in the list's order). */
  private static String ownReasonOf(Browser browser, String upn) {
    java.util.List<org.openqa.selenium.WebElement> upns =
        browser.driver().findElements(By.cssSelector("input[id*='Field_NotOpenedUpn']"));
    java.util.List<org.openqa.selenium.WebElement> reasons = browser.driver().findElements(By.cssSelector(OWN_REASON));
    for (int i = 0; i < upns.size(); i++) {
      if (upn.equals(upns.get(i).getDomProperty("value"))) {
        return "textarea[id='" + reasons.get(i).getDomAttribute("id") + "']";
      }
    }
    throw new AssertionError("no row of reasons for " + upn);
  }

  private static String reasonShown(Browser browser, String upn) {
    return browser.onSomePage("/casework/pupils-not-opened", By.cssSelector("tr[data-upn='" + upn + "'] td:nth-child(3)"))
        .getText().trim();
  }

  /** Completes every open review of the school, leaving its pupils unticked with a reason. */
  private void closeOpenReviews() {
    tasks.createTaskQuery().processDefinitionKey("ReviewIdentifiedPupils").list().forEach(task -> {
      java.util.Map<String, Object> close = new java.util.HashMap<>();
      close.put("notOpenedReason", "closed before the browser test");
      Object shown = tasks.getVariable(task.getId(), "listRevision");
      if (shown != null) {
        close.put("listRevision", shown);
      }
      tasks.complete(task.getId(), close);
    });
  }

  /** The id of the school's review task the import started. */
  private String reviewTask(int importId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey("review-" + importId + "-100002").list().stream()
        .flatMap(review -> tasks.createTaskQuery().processInstanceId(review.getId()).list().stream())
        .map(org.camunda.bpm.engine.task.Task::getId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no review task of import " + importId));
  }

  private String reviewAssignee(int importId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey("review-" + importId + "-100002").list().stream()
        .flatMap(review -> tasks.createTaskQuery().processInstanceId(review.getId()).list().stream())
        .map(task -> String.valueOf(task.getAssignee()))
        .findFirst()
        .orElse("");
  }
}
