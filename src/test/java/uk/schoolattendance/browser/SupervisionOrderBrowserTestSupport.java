package uk.schoolattendance.browser;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casefile.SupervisionOrderCases;

/**
 * The browser tests of an education supervision order's Court section: a case whose order the family
 * court made on 10 February 2027, and a senior practitioner at its case page on a 390 px phone.
 */
abstract class SupervisionOrderBrowserTestSupport extends BrowserTestSupport {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;

  @AfterEach
  void reset() {
    TestClock.reset();
  }

  /** A case whose order was made on 10 February 2027, ending on 9 February 2028 unless extended. */
  String caseWithAnOrderMadeOn10February2027() {
    return new SupervisionOrderCases(runtimeService, taskService, identityService, managementService)
        .withAnOrderMadeOn10February2027();
  }

  /** Signs the senior practitioner in, narrows the window to a 390 px phone and opens the case page. */
  static void seniorAtTheCasePageOnA390PxPhone(Browser browser, String reference) {
    browser.logInTo("tasklist", "senior", "senior");
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    browser.waitUntil("narrow", () -> ((Number) js.executeScript("return window.innerWidth;")).intValue() <= 400);
    browser.open("/casework/cases/" + reference);
  }

  /** Pixels the page reaches past the right edge of the window. */
  static int overflow(JavascriptExecutor js) {
    return ((Number) js.executeScript("const d = document.documentElement; return d.scrollWidth - d.clientWidth;")).intValue();
  }
}
