package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * A person at work all day in Tasklist's forms (scripts/form-errors.js, styles/user-styles.css): a
 * typed date that is no date is refused naming the field and nothing is saved; the form's refusals
 * name their field and the red box lists them without covering the form's buttons; focus goes to
 * the first field in error, or to the server's refusal; labels are read in full; a group of radio
 * buttons is named by its question.
 */
class TasklistFormErrorsBrowserTest extends BrowserTestSupport {

  private static final String TARGET = "input[id$='Field_AttendanceTarget']";
  private static final String REVIEW_DATE = "input[id*='Field_ReviewDate']";
  private static final String COMPLETE = "button[ng-click='complete()']";
  private static final String START = "button[ng-click='startProcessInstance()']";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void anImpossibleDateIsRefusedNamingTheFieldAndNothingIsSaved() {
    ProcessInstance started = new CaseFileCases(runtimeService)
        .start(Map.of("entryLevel", 2), CaseFixtures.UNIVERSAL_SCHOOL, "Noor Datewise", CaseFileCases.newUpn(),
            "parent-1", "Kim Datewise");
    String task = openTask(started);
    try (Browser browser = browser()) {
      // the walk's laptop: 1366 px wide
      browser.driver().manage().window().setSize(new Dimension(1366, 768));
      browser.logInTo("tasklist", "school2", "school2");
      browser.open("/camunda/app/tasklist/default/#/?task=" + task);
      browser.claimTask(() -> "school2".equals(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()));

      // 26: the read-only "Case" fields' labels are read in full
      // (read once the form is laid out, and again if it is drawn once more after the claim)
      browser.still("form-laid-out", By.cssSelector("input[id$='Field_ShowUnauthorisedSessions']"));
      String[] sessionsLabel = new String[1];
      boolean[] labelCutOff = new boolean[1];
      browser.waitUntil("sessions-label", () -> {
        WebElement label = labelOf(browser, "Field_ShowUnauthorisedSessions");
        sessionsLabel[0] = label.getText();
        labelCutOff[0] = cutOff(browser, label);
        return !sessionsLabel[0].isBlank();
      });
      assertThat(sessionsLabel[0]).isEqualTo("Unauthorised sessions, last 10 school weeks");
      assertThat(labelCutOff[0]).as("label cut off").isFalse();

      // the case history's header cells are column headers, not tab stops between the fields and Complete
      By headerCells = By.cssSelector("table[id$='Table_CaseHistory'] th");
      browser.waitUntil("history-headers", () -> !browser.driver().findElements(headerCells).isEmpty());
      assertThat(browser.driver().findElements(headerCells)).hasSize(5);
      browser.waitUntil("history-headers-no-tab-stops", () -> browser.driver().findElements(headerCells).stream()
          .allMatch(header -> "-1".equals(header.getDomProperty("tabIndex")) && header.getDomAttribute("aria-label") == null));

      // 5, 12, 20: Complete with the target left empty is refused in words naming the field, the red box
      // says so without covering the form's lower fields or its buttons, and focus goes to the field
      browser.press(By.cssSelector(COMPLETE));
      browser.waitUntil("refused", () -> !browser.errorNotifications().isEmpty());
      assertThat(browser.errorNotifications().get(0))
          .contains("There is a problem")
          .contains("Attendance target (%) is required")
          .doesNotContain("Field is required")
          .doesNotContain("An error happened");
      assertThat(errorsOf(browser, "Field_AttendanceTarget")).isEqualTo("Attendance target (%) is required");
      browser.waitUntil("focus-on-target", () -> activeId(browser).endsWith("Field_AttendanceTarget"));
      WebElement box = redBox(browser);
      assertThat(overlaps(browser, box, browser.driver().findElement(By.cssSelector(COMPLETE))))
          .as("the red box covers Complete").isFalse();
      assertThat(overlaps(browser, box, browser.driver().findElement(By.cssSelector(REVIEW_DATE))))
          .as("the red box covers the review date").isFalse();
      browser.screenshot("tasklist-refusals-name-their-fields");
      closeTheRedBox(browser);

      // 1: 31 February is no date: the text stays as typed, the field says why, Complete is refused
      browser.typeAtAPersonsPace(REVIEW_DATE, "31/02/2027\t", Duration.ofMillis(80));
      browser.waitUntil("date-refused", () -> errorsOf(browser, "Field_ReviewDate")
          .contains("Review date: 31/02/2027 is not a real date (February 2027 has 28 days)"));
      assertThat(browser.visible(By.cssSelector(REVIEW_DATE)).getDomProperty("value")).isEqualTo("31/02/2027");
      browser.type(TARGET, "95");
      assertThat(browser.driver().findElement(By.cssSelector(COMPLETE)).isEnabled()).isFalse();
      browser.screenshot("tasklist-impossible-date-refused");
      assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
      assertThat(runtimeService.getVariable(started.getId(), "reviewDate")).isNull();
      assertThat(taskService.getVariablesLocal(task)).doesNotContainKey("reviewDate");

      // 5: a number over its maximum, in words
      browser.type(TARGET, "150");
      browser.waitUntil("over-max", () -> errorsOf(browser, "Field_AttendanceTarget")
          .equals("Attendance target (%) must be 100 or less"));

      // 20: the server's refusal (a target below the pupil's attendance) is shown under "There is a
      // problem", and focus goes to the field it names, which it describes; its message links to the field
      browser.type(TARGET, "50");
      clear(browser, REVIEW_DATE);
      browser.waitUntil("date-mended", () -> errorsOf(browser, "Field_ReviewDate").isEmpty());
      browser.press(By.cssSelector(COMPLETE));
      browser.waitUntil("server-refused", () -> browser.errorNotifications().stream()
          .anyMatch(text -> text.contains("Attendance target (%)") && text.contains("attendanceTarget")));
      browser.waitUntil("focus-on-target-after-server-refusal", () -> activeId(browser).endsWith("Field_AttendanceTarget"));
      assertRefusalLinkedTo(browser, redBox(browser), browser.driver().findElement(By.cssSelector(TARGET)),
          "Attendance target (%) (attendanceTarget)");
      browser.screenshot("tasklist-server-refusal-focuses-its-field");

      // put right, the task completes and no rolled-over date reached the case
      closeTheRedBox(browser);
      browser.type(TARGET, "95");
      browser.press(By.cssSelector(COMPLETE));
      browser.waitUntil("completed", () -> taskService.createTaskQuery().taskId(task).count() == 0);
    }
    Object reviewDate = historyService.createHistoricVariableInstanceQuery().processInstanceId(started.getId())
        .variableName("reviewDate").list().stream().map(v -> String.valueOf(v.getValue())).toList();
    assertThat(String.valueOf(reviewDate)).doesNotContain("2027-03-03").doesNotContain("Mar 03");
  }

  /**
   * A day of the law is a day in England, and the server decides it, not the browser: at 23:30 on
   * 25 November 2026 in England a browser in Tokyo is on 26 November (and this browser's own clock
   * on another day again). The review date must be after today: 25/11/2026, England's today, is
   * refused by the server naming the field, and the task stays open; 26/11/2026, England's tomorrow
   * though "today" in Tokyo, is taken.
   */
  @Test
  void theReviewDateIsJudgedByEnglandsDayNotTheBrowsers() {
    java.time.ZoneId london = java.time.ZoneId.of("Europe/London");
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDate.of(2026, 11, 25).atTime(23, 30).atZone(london).toInstant()));
    try {
      ProcessInstance started = new CaseFileCases(runtimeService)
          .start(Map.of("entryLevel", 2), CaseFixtures.UNIVERSAL_SCHOOL, "Noor Midnight", CaseFileCases.newUpn(),
              "parent-1", "Kim Midnight");
      String task = openTask(started);
      try (Browser browser = browser()) {
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver())
            .executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        browser.logInTo("tasklist", "school2", "school2");
        browser.open("/camunda/app/tasklist/default/#/?task=" + task);
        assertThat(((JavascriptExecutor) browser.driver()).executeScript(
            "return Intl.DateTimeFormat('en-GB', {timeZoneName: 'short'}).resolvedOptions().timeZone;"))
            .isEqualTo("Asia/Tokyo");
        browser.claimTask(() -> "school2".equals(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()));
        browser.type(TARGET, "95");
        browser.typeAtAPersonsPace(REVIEW_DATE, "25/11/2026\t", Duration.ofMillis(80));
        browser.press(By.cssSelector(COMPLETE));
        browser.waitUntil("england-today-refused", () -> browser.errorNotifications().stream()
            .anyMatch(text -> text.contains("reviewDate") && text.contains("must be after today")));
        browser.screenshot("tasklist-review-date-judged-in-england");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);

        closeTheRedBox(browser);
        clear(browser, REVIEW_DATE);
        browser.typeAtAPersonsPace(REVIEW_DATE, "26/11/2026\t", Duration.ofMillis(80));
        browser.press(By.cssSelector(COMPLETE));
        browser.waitUntil("england-tomorrow-taken", () -> taskService.createTaskQuery().taskId(task).count() == 0);
      }
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(started.getId())
          .variableName("reviewDate").list()).extracting(v -> String.valueOf(v.getValue())).anyMatch(v -> v.startsWith("2026-11-26") || v.contains("Nov 26"));
    } finally {
      uk.schoolattendance.TestClock.reset();
    }
  }

  @Test
  void aGroupOfRadioButtonsIsNamedByItsQuestion() {
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/camunda/app/tasklist/default/#/?processStart=AttendanceCase");
      // the group is found again each time: the dialog may draw its form a second time
      By group = By.xpath("//input[contains(@id, 'Field_Route-0')]/ancestor::div[contains(@class, 'fjs-form-field-radio')]");
      String[] labelledBy = new String[1];
      String[] question = new String[1];
      browser.waitUntil("radiogroup", () -> {
        WebElement found = browser.driver().findElement(group);
        if (!"radiogroup".equals(found.getDomAttribute("role"))) {
          return false;
        }
        labelledBy[0] = found.getDomAttribute("aria-labelledby");
        question[0] = labelledBy[0] == null || labelledBy[0].isBlank() ? ""
            : browser.driver().findElements(By.id(labelledBy[0])).stream().map(WebElement::getText).findFirst().orElse("");
        return true;
      });
      assertThat(labelledBy[0]).isNotBlank();
      assertThat(question[0]).startsWith("Route");
    }
  }

  /**
   * The start dialog refuses as a task's form does: Start with required fields empty focuses the
   * first of them, the box is titled "There is a problem" and names each field; the server's
   * refusal of a field (a UPN whose check letter is wrong) names it by its label, focuses it and
   * links to it. Nothing is started.
   */
  @Test
  void theStartDialogFocusesTheFieldItRefusesAndNamesIt() {
    // a UPN whose check letter is wrong: the form takes its shape, the server refuses it
    String valid = Upns.valid("801200007799");
    String upn = (valid.charAt(0) == 'A' ? "B" : "A") + valid.substring(1);
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/camunda/app/tasklist/default/#/?processStart=AttendanceCase");
      // the person clicks into the UPN field, then presses Start with it still empty: leaving the
      // field flags it, which disabled Start before the click and the press did nothing at all
      browser.clickUntilFocused("upn-focused", By.cssSelector("[id$='Field_PupilUpn']"));
      browser.press(By.cssSelector(START));
      browser.waitUntil("start-refused", () -> !browser.errorNotifications().isEmpty());
      assertThat(browser.errorNotifications().get(0))
          .contains("There is a problem")
          .contains("Unique Pupil Number (UPN) is required")
          .contains("Pupil's name is required")
          .doesNotContain("could not be started");
      browser.waitUntil("focus-on-upn", () -> activeId(browser).endsWith("Field_PupilUpn"));
      closeTheStartDialogsBox(browser);

      browser.type("[id$='Field_PupilUpn']", upn);
      browser.type("[id$='Field_PupilName']", "Rowan Checkletter");
      browser.type("[id$='Field_SchoolUrn']", "100002");
      browser.type("[id$='Field_AttendancePercent']", "84.5");
      browser.type("[id$='Field_UnauthorisedSessions']", "6");
      browser.type("[id$='Field_Parent1Name']", "Alex Checkletter");
      browser.type("[id$='Field_Parent1Address']", "1 High Street, Southend");
      browser.press(By.cssSelector(START));
      browser.waitUntil("server-refused-upn", () -> browser.errorNotifications().stream()
          .anyMatch(text -> text.contains("check letter")));
      browser.waitUntil("focus-on-upn-after-server-refusal", () -> activeId(browser).endsWith("Field_PupilUpn"));
      WebElement box = browser.driver().findElements(By.cssSelector(".modal .notifications .alert-danger")).stream()
          .filter(WebElement::isDisplayed).findFirst().orElseThrow();
      assertThat(box.getText()).contains("There is a problem");
      assertRefusalLinkedTo(browser, box, browser.driver().findElement(By.cssSelector("[id$='Field_PupilUpn']")),
          "Unique Pupil Number (UPN) (pupilUpn): check letter");
      browser.screenshot("tasklist-start-refusal-focuses-its-field");
    }
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("pupilUpn", upn).count()).isZero();
  }

  /** The box's message names the field, is a link to it, describes it; the field is marked invalid. */
  private static void assertRefusalLinkedTo(Browser browser, WebElement box, WebElement field, String naming) {
    WebElement link = box.findElement(By.cssSelector(".message a"));
    assertThat(link.getText()).startsWith(naming);
    assertThat(link.getDomAttribute("href")).isEqualTo("#" + field.getDomAttribute("id"));
    String message = box.findElement(By.cssSelector(".message")).getDomAttribute("id");
    assertThat(field.getDomAttribute("aria-describedby")).contains(message);
    assertThat(field.getDomAttribute("aria-invalid")).isEqualTo("true");
    // following the link from the box brings the person back to the field
    String fieldId = field.getDomAttribute("id");
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus();", link);
    browser.clickUntil("link-to-field", By.cssSelector(".alert-danger .message a[href='#" + fieldId + "']"),
        () -> activeId(browser).equals(fieldId));
  }

  private static void closeTheStartDialogsBox(Browser browser) {
    browser.clickUntil("start-box-closed", By.cssSelector(".modal .notifications .alert-danger .close"),
        () -> browser.errorNotifications().isEmpty());
  }

  /**
   * Walk 13, defect 15: after a Complete that succeeds, focus went to the page's body, so a keyboard
   * user started again from the top of the page. It goes to the task list: its first task (the next
   * one to work), or the list itself when it is empty.
   */
  @Test
  void afterACompleteFromTheKeyboardFocusGoesToTheTaskListNotTheBody() {
    ProcessInstance started = new CaseFileCases(runtimeService)
        .start(Map.of("entryLevel", 2), CaseFixtures.UNIVERSAL_SCHOOL, "Noor Keyboard", CaseFileCases.newUpn(),
            "parent-1", "Kim Keyboard");
    // another of the school's tasks waits in its list: the next one to work
    new CaseFileCases(runtimeService).start(Map.of("entryLevel", 2), CaseFixtures.UNIVERSAL_SCHOOL, "Noor Nexttask",
        CaseFileCases.newUpn(), "parent-1", "Kim Nexttask");
    String task = openTask(started);
    try (Browser browser = browser()) {
      browser.driver().manage().window().setSize(new Dimension(1366, 768));
      browser.logInTo("tasklist", "school2", "school2");
      browser.open("/camunda/app/tasklist/default/#/?task=" + task);
      browser.claimTask(() -> "school2".equals(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()));
      browser.type(TARGET, "95");
      // the keyboard user reaches Complete (found again if the form is drawn once more), then Enter
      browser.waitUntil("complete-focused", () -> (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
          "const complete = document.querySelector(arguments[0]);"
              + " if (!complete || complete.disabled) { return false; }"
              + " if (document.activeElement !== complete) { complete.scrollIntoView({block: 'center'}); complete.focus(); }"
              + " return document.activeElement === complete;", COMPLETE));
      new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
      browser.waitUntil("completed", () -> taskService.createTaskQuery().taskId(task).count() == 0);
      // the list is redrawn after the task goes: once it no longer shows the completed task (its
      // redraw, not a time), focus is on its first task's link, which Enter opens; read in one script
      String[] focused = new String[1];
      browser.waitUntil("focus-on-the-redrawn-task-list", () -> {
        focused[0] = String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(
            "const first = document.querySelector('.tasks-list li.task h4.task a');"
                + " if (!first || document.querySelector('.tasks-list a[href*=\"task=' + arguments[0] + '\"]')) { return 'redrawing'; }"
                + " const a = document.activeElement;"
                + " return a.tagName + ' ' + (a === first ? 'the first task of the list' : 'elsewhere') + ': ' + a.textContent.trim().slice(0, 60);",
            task));
        return focused[0].startsWith("A the first task of the list: ");
      });
      browser.screenshot("tasklist-focus-after-complete");
      assertThat(focused[0]).as("focus after Complete, once the list is redrawn").startsWith("A the first task of the list: ");
    }
  }

  /**
   * Walk 14, defect 3: a refusal's "There is a problem" box stayed on screen over the task list after the
   * person put it right and the task completed, so they believed it had failed. The box goes on the next
   * Complete, and none is left once the task is done.
   */
  @Test
  void theRefusalsBoxGoesOnTheNextCompleteAndNoneIsLeftAfterSuccess() {
    ProcessInstance started = new CaseFileCases(runtimeService)
        .start(Map.of("entryLevel", 2), CaseFixtures.UNIVERSAL_SCHOOL, "Noor Banner", CaseFileCases.newUpn(),
            "parent-1", "Kim Banner");
    String task = openTask(started);
    try (Browser browser = browser()) {
      browser.driver().manage().window().setSize(new Dimension(1366, 768));
      browser.logInTo("tasklist", "school2", "school2");
      browser.open("/camunda/app/tasklist/default/#/?task=" + task);
      browser.claimTask(() -> "school2".equals(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()));
      // the server refuses a target below the pupil's attendance
      browser.type(TARGET, "50");
      browser.press(By.cssSelector(COMPLETE));
      browser.waitUntil("server-refused", () -> browser.errorNotifications().stream()
          .anyMatch(text -> text.contains("There is a problem") && text.contains("attendanceTarget")));
      // put right (the box is not closed by hand): the task completes and no box is left
      browser.type(TARGET, "95");
      browser.press(By.cssSelector(COMPLETE));
      browser.waitUntil("completed", () -> taskService.createTaskQuery().taskId(task).count() == 0);
      browser.waitUntil("list-redrawn", () -> browser.driver().findElements(By.cssSelector(".fjs-container")).isEmpty());
      browser.waitUntil("no-box-left", () -> browser.errorNotifications().isEmpty());
      browser.screenshot("tasklist-no-refusal-left-after-success");
      assertThat(browser.errorNotifications()).isEmpty();
    }
  }

  private String openTask(ProcessInstance started) {
    return taskService.createTaskQuery().processInstanceId(started.getId()).singleResult().getId();
  }

  private static WebElement labelOf(Browser browser, String fieldId) {
    WebElement input = browser.visible(By.cssSelector("input[id$='" + fieldId + "']"));
    return browser.driver().findElement(By.cssSelector("label[for='" + input.getDomAttribute("id") + "']"));
  }

  private static boolean cutOff(Browser browser, WebElement element) {
    return (Boolean) ((JavascriptExecutor) browser.driver())
        .executeScript("return arguments[0].scrollWidth > arguments[0].clientWidth + 1;", element);
  }

  /** The messages under a field, one a line; empty when it has none. */
  private static String errorsOf(Browser browser, String fieldId) {
    List<WebElement> errors = browser.driver().findElements(
        By.cssSelector("[id*='" + fieldId + "'][id$='-error-message']"));
    return errors.isEmpty() ? "" : errors.get(0).getText().trim();
  }

  private static WebElement redBox(Browser browser) {
    return browser.driver().findElements(By.cssSelector(".page-notifications .alert-danger")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElseThrow();
  }

  private static void closeTheRedBox(Browser browser) {
    browser.clickUntil("red-box-closed", By.cssSelector(".page-notifications .alert-danger .close"),
        () -> browser.errorNotifications().isEmpty());
  }

  private static String activeId(Browser browser) {
    Object id = ((JavascriptExecutor) browser.driver()).executeScript("return document.activeElement.id || '';");
    return String.valueOf(id);
  }

  private static boolean overlaps(Browser browser, WebElement a, WebElement b) {
    return (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
        "var a = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();"
            + "return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;", a, b);
  }

  /** Empties the field as a person does (select all, delete, leave it), again until it is empty. */
  private static void clear(Browser browser, String css) {
    browser.waitUntil("cleared-" + css, () -> {
      browser.clickUntilFocused("focus-" + css, By.cssSelector(css));
      new Actions(browser.driver())
          .keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.BACK_SPACE)
          .pause(Duration.ofMillis(300)).sendKeys(Keys.TAB).perform();
      return "".equals(browser.driver().findElement(By.cssSelector(css)).getDomProperty("value"));
    });
  }
}
