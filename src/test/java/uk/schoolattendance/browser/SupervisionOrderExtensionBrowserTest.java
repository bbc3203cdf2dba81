package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * A senior practitioner records, in the case page's Court section, the authority's application to
 * extend an education supervision order (Children Act 1989 Sch 3 para 15): a refusal is named with
 * what was typed kept; the recorded extension brings the Court section back with a confirmation.
 * On a 390 px phone, in Chromium.
 */
class SupervisionOrderExtensionBrowserTest extends SupervisionOrderBrowserTestSupport {

  @Test
  void aSeniorPractitionerRecordsAnExtensionOnA390PxPhone() {
    String reference = caseWithAnOrderMadeOn10February2027();
    CaseFixtures.clockAt(2027, 12, 1, 10);
    try (Browser browser = browser()) {
      seniorAtTheCasePageOnA390PxPhone(browser, reference);
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      browser.visible(By.id("extension-form"));

      // more than three years after the order's end (9 February 2028): refused, named, typed values kept
      browser.type("#extension-applied-on-day", "1");
      browser.type("#extension-applied-on-month", "12");
      browser.type("#extension-applied-on-year", "2027");
      browser.press(By.cssSelector("label[for=extension-result]"));
      browser.type("#extension-new-ends-on-day", "10");
      browser.type("#extension-new-ends-on-month", "2");
      browser.type("#extension-new-ends-on-year", "2031");
      browser.screenshot("casefile-eso-extension-form-390");
      browser.press(By.id("record-extension"));
      browser.visible(By.cssSelector(".govuk-error-summary"));
      assertThat(browser.driver().findElement(By.cssSelector(".govuk-error-summary")).getText())
          .contains("There is a problem", "para 15(5)", "9 February 2031");
      assertThat(browser.driver().findElement(By.id("extension-new-ends-on-error")).getText()).contains("9 February 2031");
      assertThat(browser.driver().findElement(By.id("extension-new-ends-on-year")).getAttribute("value")).isEqualTo("2031");
      assertThat(browser.driver().findElement(By.id("extension-applied-on-day")).getAttribute("value")).isEqualTo("1");
      browser.screenshot("casefile-eso-extension-refused-390");
      assertThat(overflow(js)).as("pixels past the right edge at 390 px").isLessThanOrEqualTo(0);
      // the summary's link takes the person to the field
      browser.press(By.cssSelector(".govuk-error-summary a[href='#extension-new-ends-on-day']"));

      // corrected: recorded, back at the Court section with the confirmation and the new end
      browser.type("#extension-new-ends-on-day", "9");
      browser.type("#extension-new-ends-on-year", "2030");
      browser.press(By.id("record-extension"));
      browser.waitUntil("recorded", () -> browser.driver().getCurrentUrl().endsWith("?done=extension#court-heading"));
      assertThat(browser.visible(By.id("done")).getText())
          .contains("The application to extend the education supervision order has been recorded");
      assertThat(browser.driver().findElement(By.id("court-1")).getText())
          .contains("Extension applied for on 1 December 2027", "Extended from 9 February 2028 to 9 February 2030",
              "9 February 2030 (extended; first made to end on 9 February 2028)");
      assertThat(overflow(js)).as("pixels past the right edge at 390 px").isLessThanOrEqualTo(0);
      browser.screenshot("casefile-eso-extension-recorded-390");
    }
  }
}
