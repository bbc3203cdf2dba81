package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * Tasklist on a phone (390 x 844, styles/user-styles.css): the task list, a task's form and the
 * start dialog fit the screen's width (nothing to scroll sideways, no field cut off at the right)
 * and their Complete and Start buttons can be reached and pressed.
 */
class TasklistPhoneBrowserTest extends BrowserTestSupport {

  private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
  private static final By START = By.cssSelector("button[ng-click='startProcessInstance()']");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void theTaskListATasksFormAndTheStartDialogFitAPhone() {
    ProcessInstance started = new CaseFileCases(runtimeService)
        .start(Map.of("entryLevel", 2), CaseFixtures.UNIVERSAL_SCHOOL, "Pia Phonewise", CaseFileCases.newUpn(),
            "parent-1", "Lee Phonewise");
    String task = taskService.createTaskQuery().processInstanceId(started.getId()).singleResult().getId();
    try (Browser browser = browser()) {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      browser.logInTo("tasklist", "school2", "school2");

      browser.open("/camunda/app/tasklist/default/#/");
      browser.visible(By.cssSelector(".tasks-list"));
      // the school's list, 15 to a page, holds other classes' tasks too, some due sooner than Pia's: the
      // list is read when it shows any task with its pupil, and Pia's task is opened at its address below
      browser.waitUntil("task-listed", () -> browser.driver().findElements(By.cssSelector(".tasks-list li")).stream()
          .anyMatch(item -> item.getText().contains("Pupil")));
      browser.screenshot("tasklist-390-task-list");
      assertFitsTheWidth(browser, "the task list");
      assertWithinTheWidth(browser, browser.driver().findElement(By.cssSelector(".tasks-list")), "the task list");

      browser.open("/camunda/app/tasklist/default/#/?task=" + task);
      browser.claimTask(() -> "school2".equals(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()));
      WebElement target = browser.still("task-form-still", By.cssSelector("input[id$='Field_AttendanceTarget']"));
      browser.screenshot("tasklist-390-task-form");
      assertFitsTheWidth(browser, "a task's form");
      assertWithinTheWidth(browser, target, "the attendance target field");
      assertNothingScrollsSideways(browser, "a task's form");
      WebElement history = browser.driver().findElement(By.cssSelector("table[id$='Table_CaseHistory']"));
      script(browser, "arguments[0].scrollIntoView({block: 'center'});", history);
      assertWithinTheWidth(browser, history, "the case history");
      browser.screenshot("tasklist-390-case-history");
      assertReachable(browser, browser.driver().findElement(COMPLETE), "Complete");
      browser.screenshot("tasklist-390-task-form-complete");

      browser.open("/camunda/app/tasklist/default/#/?processStart=AttendanceCase");
      // measured as a person sees it: once the dialog has slid in and its form stands still
      browser.still("start-dialog-still", By.cssSelector(".modal-dialog"));
      WebElement upn = browser.still("start-form-still", By.cssSelector("[id$='Field_PupilUpn']"));
      browser.screenshot("tasklist-390-start-dialog");
      assertFitsTheWidth(browser, "the start dialog");
      assertWithinTheWidth(browser, upn, "the UPN field");
      assertWithinTheWidth(browser, browser.driver().findElement(By.cssSelector(".modal-dialog")), "the start dialog");
      assertNothingScrollsSideways(browser, "the start dialog");
      assertReachable(browser, browser.driver().findElement(START), "Start");
      browser.screenshot("tasklist-390-start-dialog-start");
    }
  }

  private static Object script(Browser browser, String script, Object... arguments) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
  }

  /** Nothing on the page to scroll sideways to. */
  private static void assertFitsTheWidth(Browser browser, String what) {
    Number width = (Number) script(browser, "return window.innerWidth;");
    Number page = (Number) script(browser,
        "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);");
    assertThat(page.intValue()).as(what + ": the page's width at a " + width + " px screen").isLessThanOrEqualTo(width.intValue());
  }

  /** No part of a form scrolls sideways inside it (a table wider than the form, a field wider than its column). */
  private static void assertNothingScrollsSideways(Browser browser, String what) {
    Object wide = script(browser,
        "return Array.from(document.querySelectorAll('.fjs-container, .fjs-container *'))"
            + ".filter(e => e.offsetParent !== null && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1"
            + " && getComputedStyle(e).overflowX !== 'visible' && getComputedStyle(e).overflowX !== 'hidden')"
            + ".map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth);");
    assertThat((java.util.List<?>) wide).as(what + ": parts that scroll sideways").isEmpty();
  }

  /** The element is shown whole across the screen's width, and is not hidden. */
  private static void assertWithinTheWidth(Browser browser, WebElement element, String what) {
    assertThat(element.isDisplayed()).as(what + " is shown").isTrue();
    Map<?, ?> box = (Map<?, ?>) script(browser,
        "const r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width,"
            + " screen: document.documentElement.clientWidth};", element);
    double left = ((Number) box.get("left")).doubleValue();
    double right = ((Number) box.get("right")).doubleValue();
    double screen = ((Number) box.get("screen")).doubleValue();
    assertThat(left).as(what + ": left edge").isGreaterThanOrEqualTo(0);
    assertThat(right).as(what + ": right edge at a " + screen + " px screen").isLessThanOrEqualTo(screen + 0.5);
    assertThat(((Number) box.get("width")).doubleValue()).as(what + ": width").isPositive();
  }

  /** Scrolled to, the button is on the screen whole, and it is the element a press there reaches. */
  private static void assertReachable(Browser browser, WebElement button, String what) {
    script(browser, "arguments[0].scrollIntoView({block: 'center'});", button);
    assertWithinTheWidth(browser, button, what);
    Map<?, ?> box = (Map<?, ?>) script(browser,
        "const r = arguments[0].getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2;"
            + " const hit = document.elementFromPoint(x, y);"
            + " return {top: r.top, bottom: r.bottom, height: window.innerHeight,"
            + " reached: hit === arguments[0] || arguments[0].contains(hit)};", button);
    assertThat(((Number) box.get("top")).doubleValue()).as(what + ": top").isGreaterThanOrEqualTo(0);
    assertThat(((Number) box.get("bottom")).doubleValue()).as(what + ": bottom")
        .isLessThanOrEqualTo(((Number) box.get("height")).doubleValue());
    assertThat(box.get("reached")).as(what + " is what a press on it reaches").isEqualTo(true);
  }
}
