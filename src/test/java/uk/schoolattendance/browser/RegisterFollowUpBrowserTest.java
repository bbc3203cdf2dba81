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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.attendance.MarkImporter;
import uk.schoolattendance.attendance.MovedPupilCases;
import uk.schoolattendance.attendance.RegisterCalendars;

/**
 * What the register's daily work leaves for people, in Chromium: the pupils a school left unticked
 * on "Review identified pupils" (completed in Tasklist with a reason) on the school's "Identified
 * pupils not opened", with "Open a case"; and a case the daily step could not move on the data
 * team's "Cases that did not follow their pupil".
 */
class RegisterFollowUpBrowserTest extends BrowserTestSupport {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Autowired MarkImporter importer;
  @Autowired RegisterCalendars calendars;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired MovedPupilCases movedPupils;
  @Autowired uk.schoolattendance.attendance.PupilsNotOpened pupilsNotOpened;

  @AfterEach
  void realTime() {
    TestClock.reset();
  }

  @Test
  void aSchoolLeavesAPupilWithoutACaseInTasklistAndFindsThemWithTheReasonInTheCaseFile() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(LONDON).toInstant()));
    String upn = Upns.valid("801905000001");
    closeOpenReviews();
    int importId = importFor(upn, "100002", "Rowan", "Unopened", TODAY);
    identify(importId);
    String reviewTask = tasks.createTaskQuery().processDefinitionKey("ReviewIdentifiedPupils")
        .processVariableValueEquals("schoolUrn", "100002").singleResult().getId();

    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      browser.open("/camunda/app/tasklist/default/#/?task=" + reviewTask);
      browser.claimTask(() -> "school2".equals(tasks.createTaskQuery().taskId(reviewTask).singleResult().getAssignee()));
      browser.visible(By.xpath("//td[contains(., 'Rowan Unopened')]"));
      // nobody ticked: the pupil needs a reason, typed at a person's pace
      browser.type("textarea[id$='Field_NotOpenedReason']", "A support plan agreed with the family on 24 November");
      browser.press(By.cssSelector("button[ng-click='complete()']"));
      browser.waitUntil("review-completed", () -> tasks.createTaskQuery().taskId(reviewTask).count() == 0);

      browser.open("/casework/school");
      browser.press(By.id("not-opened-link"));
      browser.visible(By.xpath("//h1[normalize-space(.)='Identified pupils not opened']"));
      // newest review first, 50 to a page: other classes' reviews of this school may come first
      String row = browser.onThisOrALaterPage(By.cssSelector("table[data-urn='100002'] tr[data-upn='" + upn + "']"))
          .orElseThrow(() -> new AssertionError(upn + " is on no page of the list")).getText();
      assertThat(row).contains("Rowan Unopened", "% attendance", "A support plan agreed with the family on 24 November",
          "Sasha Hillcrest", "25 November 2026");
      browser.screenshot("casefile-pupils-not-opened");
      browser.press(By.cssSelector("tr[data-upn='" + upn + "'] a.open-a-case"));
      browser.waitUntil("tasklist-start", () -> browser.driver().getCurrentUrl().contains("/camunda/app/tasklist/"));
    }
    try (Browser other = browser()) {
      other.logInTo("tasklist", "school1", "school1");
      other.open("/casework/pupils-not-opened");
      other.visible(By.xpath("//h1[normalize-space(.)='Identified pupils not opened']"));
      assertThat(other.onThisOrALaterPage(By.cssSelector("tr[data-upn='" + upn + "']"))).isEmpty();
    }
  }

  /**
   * Walk 14, defect 16: a reason per pupil left unticked, in Tasklist (ReviewIdentifiedPupils 1.3). The
   * lead gives two of three pupils their own reasons and the third the reason for the rest; Complete
   * completes the review, and "Identified pupils not opened" shows each pupil with their own reason.
   */
  @Test
  void aLeadGivesTwoPupilsTheirOwnReasonsAndTheRestTheDefaultInTasklist() {
    // later than the other reviews of this class
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 30).atZone(LONDON).toInstant()));
    closeOpenReviews();
    java.util.List<String> upns = java.util.List.of(Upns.valid("801906000001"), Upns.valid("801906000002"),
        Upns.valid("801906000003"));
    identify(importFor(upns, "100002", TODAY));
    String reviewTask = tasks.createTaskQuery().processDefinitionKey("ReviewIdentifiedPupils")
        .processVariableValueEquals("schoolUrn", "100002").singleResult().getId();
    Map<String, String> own = Map.of(upns.get(0), "Moved to a school in Wales on 20 November",
        upns.get(2), "Hospital education since 2 November");
    String rest = "A support plan agreed with the family on 24 November";

    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      browser.open("/camunda/app/tasklist/default/#/?task=" + reviewTask);
      browser.claimTask(() -> "school2".equals(tasks.createTaskQuery().taskId(reviewTask).singleResult().getAssignee()));
      browser.waitUntil("a-row-per-pupil", () -> notOpenedRows(browser, "input[id*='Field_NotOpenedUpn']").size() == 3);
      java.util.List<String> rowUpns = notOpenedRows(browser, "input[id*='Field_NotOpenedUpn']").stream()
          .map(input -> input.getDomProperty("value")).toList();
      assertThat(rowUpns).containsExactlyInAnyOrderElementsOf(upns);
      for (int i = 0; i < rowUpns.size(); i++) {
        String reason = own.get(rowUpns.get(i));
        if (reason == null) {
          continue;
        }
        org.openqa.selenium.WebElement field = notOpenedRows(browser, "textarea[id*='Field_NotOpenedPupilReason']").get(i);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        new org.openqa.selenium.interactions.Actions(browser.driver()).click(field).sendKeys(reason)
            .pause(java.time.Duration.ofMillis(600)).perform();
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].blur();", field);
      }
      browser.type("textarea[id$='Field_NotOpenedReason']", rest);
      browser.screenshot("review-reasons-per-pupil");
      browser.press(By.cssSelector("button[ng-click='complete()']"));
      browser.waitUntil("review-completed", () -> tasks.createTaskQuery().taskId(reviewTask).count() == 0);

      // newest review first, 50 to a page: other classes' reviews of this school may come first
      for (String upn : upns) {
        String row = browser.onSomePage("/casework/pupils-not-opened",
            By.cssSelector("table[data-urn='100002'] tr[data-upn='" + upn + "']")).getText();
        assertThat(row).contains(own.getOrDefault(upn, rest));
        own.values().stream().filter(other -> !other.equals(own.get(upn))).forEach(other -> assertThat(row).doesNotContain(other));
      }
      browser.screenshot("casefile-pupils-not-opened-own-reasons");
    }
  }

  private static java.util.List<org.openqa.selenium.WebElement> notOpenedRows(Browser browser, String css) {
    return browser.driver().findElements(By.cssSelector(css)).stream()
        .filter(org.openqa.selenium.WebElement::isDisplayed).toList();
  }

  /**
   * More pupils left unticked than a page holds: the page says how many there are and which it
   * shows, and the GOV.UK pagination leads to the rest (none left off, as the latest 50 reviews
   * did); another school's count and pages hold none of them.
   */
  @Test
  void morePupilsLeftUntickedThanAPageHoldsArePagedWithTheirCount() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(LONDON).toInstant()));
    closeOpenReviews();
    java.util.List<String> upns = new java.util.ArrayList<>();
    for (int i = 0; i < 53; i++) {
      upns.add(Upns.valid(String.format("8019052%05d", i)));
    }
    identify(importFor(upns, "100002", TODAY));
    String reviewTask = tasks.createTaskQuery().processDefinitionKey("ReviewIdentifiedPupils")
        .processVariableValueEquals("schoolUrn", "100002").singleResult().getId();
    Map<String, Object> close = new HashMap<>();
    close.put("notOpenedReason", "Support plans agreed with the families");
    close.put("listRevision", tasks.getVariable(reviewTask, "listRevision"));
    tasks.complete(reviewTask, close);
    // other tests of this Spring context may have left pupils unticked at school 100002 too
    int total = pupilsNotOpened.page(java.util.Set.of("100002"), pages -> 1, 1).total();
    assertThat(total).isGreaterThanOrEqualTo(upns.size());

    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      browser.open("/casework/pupils-not-opened");
      browser.visible(By.xpath("//h1[normalize-space(.)='Identified pupils not opened']"));
      assertThat(browser.visible(By.id("pupils-heading")).getText()).isEqualTo(total + " pupils");
      assertThat(browser.visible(By.id("showing")).getText()).isEqualTo("Showing 1 to 50 of " + total + " pupils");
      java.util.List<String> first = upnsShown(browser);
      assertThat(first).hasSize(50);
      browser.screenshot("casefile-pupils-not-opened-paged");
      browser.press(By.id("next-page"));
      browser.waitUntil("page-2", () -> browser.driver().getCurrentUrl().endsWith("/casework/pupils-not-opened?page=2"));
      assertThat(browser.visible(By.id("showing")).getText()).startsWith("Showing 51 to ");
      java.util.List<String> second = upnsShown(browser);
      assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
      java.util.List<String> shown = new java.util.ArrayList<>(first);
      shown.addAll(second);
      // the pages after lead to the rest: other classes' reviews of this school, newer than this one,
      // may come before its pupils, so the pages are followed until none is left, none shown twice
      while (!shown.containsAll(upns) && !browser.driver().findElements(By.id("next-page")).isEmpty()) {
        browser.press(By.id("next-page"));
        int from = shown.size() + 1;
        browser.waitUntil("page-after", () -> browser.visible(By.id("showing")).getText().startsWith("Showing " + from + " to "));
        java.util.List<String> more = upnsShown(browser);
        assertThat(more).isNotEmpty().doesNotContainAnyElementsOf(shown);
        shown.addAll(more);
      }
      assertThat(shown).containsAll(upns);
      // a page that does not exist is named, and the nearest one shown
      browser.open("/casework/pupils-not-opened?page=99");
      assertThat(browser.visible(By.cssSelector(".govuk-error-summary")).getText()).contains("Page ‘99’ does not exist");
    }
    try (Browser other = browser()) {
      other.logInTo("tasklist", "school1", "school1");
      other.open("/casework/pupils-not-opened");
      other.visible(By.xpath("//h1[normalize-space(.)='Identified pupils not opened']"));
      assertThat(upnsShown(other)).doesNotContainAnyElementsOf(upns);
      int own = pupilsNotOpened.page(java.util.Set.of("100001"), pages -> 1, 1).total();
      assertThat(other.visible(By.id("pupils-heading")).getText()).isEqualTo(own + (own == 1 ? " pupil" : " pupils"));
    }
  }

  /**
   * A case for a pupil of school 100002's register (imported today, born 3 February 2015, one parent
   * "Pat" of the same surname at 9 Mill Lane), started as the school starts one: its first task is
   * the school's.
   */
  private ProcessInstance caseFromTheRegister(String upn, String forename, String surname) {
    importFor(upn, "100002", forename, surname, TODAY);
    Map<String, Object> start = new HashMap<>();
    start.put("pupilUpn", upn);
    start.put("pupilName", forename + " " + surname);
    start.put("pupilDateOfBirth", Date.from(LocalDate.of(2015, 2, 3).atStartOfDay(LONDON).toInstant()));
    start.put("schoolUrn", "100002");
    start.put("parents", SpinValues.jsonValue("[{\"name\":\"Pat " + surname + "\",\"address\":\"9 Mill Lane\"}]").create());
    return runtime.startProcessInstanceByKey("AttendanceCase", start);
  }

  private static java.util.List<String> upnsShown(Browser browser) {
    return browser.driver().findElements(By.cssSelector("table.not-opened tr[data-upn]")).stream()
        .map(row -> row.getAttribute("data-upn")).toList();
  }

  /**
   * Walk 14, defect 12: a school closed a case at 14.5 % as "Attendance improved" minutes after it
   * opened. In Tasklist the form shows the register's figures then and today, and "improved" is
   * refused while the register shows no improvement; the task stays open.
   */
  @Test
  void aSchoolCannotCloseACaseAsImprovedWhileTheRegisterShowsNoImprovement() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(LONDON).toInstant()));
    ProcessInstance instance = caseFromTheRegister(Upns.valid("801905000005"), "Amelia", "Unimproved");
    String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
      browser.claimTask(() -> "school2".equals(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()));
      String figures = browser.valueOnceShown("figures-shown", By.cssSelector("textarea[id$='Field_ShowInterventionFigures']"));
      assertThat(figures).contains("25 November 2026", "attendance over the 10 school weeks", "today");
      browser.press(By.xpath("//input[@type='radio' and contains(@id, 'Field_SchoolInterventionOutcome-0')]"));
      browser.type("textarea[id$='Field_SchoolInterventionNotes']", "Called mum, she says things are better");
      browser.press(By.cssSelector("button[ng-click='complete()']"));
      browser.waitUntil("improved-refused", () -> browser.errorNotifications().stream()
          .anyMatch(text -> text.contains("Attendance improved") && text.contains("25 November 2026")));
      browser.screenshot("school-improved-refused");
      assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    } finally {
      runtime.deleteProcessInstance(instance.getId(), "browser test");
    }
  }

  /**
   * A school lead whose pupil has moved away, with "improved" refused by the register, closes the
   * case in Tasklist as no longer needed: the form offers the third outcome, then the reasons and
   * the explanation, and the case ends no-longer-needed with the reason, not improved.
   */
  @Test
  void aSchoolLeadClosesACaseAsNoLongerNeededWithItsReason() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(LONDON).toInstant()));
    ProcessInstance instance = caseFromTheRegister(Upns.valid("801905000006"), "Milo", "Movedaway");
    String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    String explanation = "The family moved to Leeds on 20 November; the new school confirmed the pupil is on roll";

    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
      browser.claimTask(() -> "school2".equals(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()));
      browser.press(By.xpath("//input[@type='radio' and contains(@id, 'Field_SchoolInterventionOutcome-2')]"));
      // the reasons and the explanation appear with the outcome; the second reason is "moved away"
      browser.press(By.xpath("//input[@type='radio' and contains(@id, 'Field_NoLongerNeededReason-1')]"));
      browser.type("textarea[id$='Field_NoLongerNeededExplanation']", explanation);
      browser.screenshot("school-no-longer-needed");
      browser.press(By.cssSelector("button[ng-click='complete()']"));
      browser.waitUntil("case-closed-no-longer-needed",
          () -> runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0);
    }
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("caseOutcome").singleResult().getValue()).isEqualTo("no-longer-needed");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("closureReason").singleResult().getValue())
        .isEqualTo("The pupil has moved away from the area: " + explanation);
  }

  @Autowired org.camunda.bpm.engine.HistoryService history;

  @Test
  void theDataTeamFindsACaseThatDidNotFollowItsPupil() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(LONDON).toInstant()));
    String upn = Upns.valid("801905000002");
    importFor(upn, "100001", "Morgan", "Stuck", LocalDate.of(2026, 11, 20));
    Map<String, Object> start = new HashMap<>();
    start.put("pupilUpn", upn);
    start.put("pupilName", "Morgan Stuck");
    start.put("pupilDateOfBirth", Date.from(LocalDate.of(2015, 2, 3).atStartOfDay(LONDON).toInstant()));
    start.put("schoolUrn", "100001");
    start.put("parents", SpinValues.jsonValue("[{\"name\":\"Pat Stuck\",\"address\":\"9 Mill Lane\"}]").create());
    ProcessInstance stuck = runtime.startProcessInstanceByKey("AttendanceCase", start);
    String reference = (String) runtime.getVariable(stuck.getId(), "caseReference");
    // the pupil left Riverside on 25 November for Hillcrest; the case cannot be changed (suspended)
    jdbc.update("UPDATE att_enrolment SET to_date = ? WHERE pupil_id = (SELECT pupil_id FROM att_pupil WHERE upn = ?)",
        java.sql.Date.valueOf(TODAY), upn);
    jdbc.update("INSERT INTO att_enrolment (pupil_id, school_urn, registration, from_date)"
        + " SELECT pupil_id, 100002, 'main', ? FROM att_pupil WHERE upn = ?", java.sql.Date.valueOf(TODAY), upn);
    jdbc.update("UPDATE att_pupil SET school_urn = 100002 WHERE upn = ?", upn);
    java.sql.Date stepDay = jdbc.queryForObject("SELECT last_day FROM att_daily_step WHERE step = 'cases-follow-moved-pupils'",
        java.sql.Date.class);
    runtime.suspendProcessInstanceById(stuck.getId());
    try {
      jdbc.update("UPDATE att_daily_step SET last_day = ? WHERE step = 'cases-follow-moved-pupils'", java.sql.Date.valueOf(TODAY));
      ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(1).atTime(0, 15).atZone(LONDON).toInstant()));
      assertThat(movedPupils.runToday().failed()).anySatisfy(failed -> assertThat(failed).startsWith(upn));

      try (Browser browser = browser()) {
        // the data team does not work in Tasklist: signed in to the case file
        browser.open("/casework/");
        browser.visible(By.xpath("//h1[normalize-space(.)='Sign in']"));
        browser.type("#username", "datateam");
        browser.type("#password", "datateam");
        browser.press(By.xpath("//button[normalize-space(.)='Sign in']"));
        browser.waitUntil("signed-in-datateam", () -> browser.driver().getCurrentUrl().endsWith("/casework/"));
        browser.open("/casework/imports");
        browser.press(By.id("failed-moves-link"));
        browser.visible(By.xpath("//h1[normalize-space(.)='Cases that did not follow their pupil']"));
        String row = browser.visible(By.cssSelector("#failed-moves tr[data-upn='" + upn + "']")).getText();
        assertThat(row).contains(reference, "Morgan Stuck", "Riverside Primary School (URN 100001)",
            "to Hillcrest Academy (URN 100002)", "12:15am on 26 November 2026", "tried once",
            "The case is suspended in Cockpit");
        browser.screenshot("casefile-failed-moves");
        browser.press(By.linkText(reference));
        browser.waitUntil("case-page", () -> browser.driver().getCurrentUrl().endsWith("/casework/cases/" + reference));
      }
    } finally {
      runtime.activateProcessInstanceById(stuck.getId());
      jdbc.update("DELETE FROM att_daily_step_failure WHERE upn = ?", upn);
      jdbc.update("UPDATE att_daily_step SET last_day = ? WHERE step = 'cases-follow-moved-pupils'", stepDay);
    }
  }

  /** Other tests of this Spring context may have left reviews open: closed, saying why, so this import starts its own. */
  private void closeOpenReviews() {
    tasks.createTaskQuery().processDefinitionKey("ReviewIdentifiedPupils").list().forEach(task -> {
      Map<String, Object> close = new HashMap<>();
      close.put("notOpenedReason", "closed before the browser test");
      Object shown = tasks.getVariable(task.getId(), "listRevision");
      if (shown != null) {
        close.put("listRevision", shown);
      }
      tasks.complete(task.getId(), close);
    });
  }

  /** The pupil's marks at the school from 7 September to the day before {@code until}: unauthorised every Monday. */
  private int importFor(String upn, String urn, String forename, String surname, LocalDate until) {
    return new RegisterFile(calendars.of(Integer.parseInt(urn)), urn, until).pupil(upn, forename, surname)
        .importedBy(importer, TODAY);
  }

  /** The pupils' marks at the school from 7 September to the day before {@code until}: unauthorised every Monday. */
  private int importFor(java.util.List<String> upns, String urn, LocalDate until) {
    RegisterFile register = new RegisterFile(calendars.of(Integer.parseInt(urn)), urn, until);
    for (int i = 0; i < upns.size(); i++) {
      register.pupil(upns.get(i), "Robin", "Paged" + (char) ('a' + i / 26) + (char) ('a' + i % 26));
    }
    return register.importedBy(importer, TODAY);
  }

  private void identify(int importId) {
    RegisterFile.identify(runtime, management, importId);
  }
}
