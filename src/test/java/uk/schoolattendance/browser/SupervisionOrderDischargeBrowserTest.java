package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * A senior practitioner records, in the case page's Court section, the family court's discharge of
 * an education supervision order (Children Act 1989 Sch 3 para 17(1)): a day before the order was
 * made is refused, named, with what was typed kept; the recorded discharge brings the Court section
 * back with a confirmation, the order ending that day, no reminder waiting and, instead of the form,
 * the line "Discharged on 14 June 2027". On a 390 px phone,
 * in Chromium.
 */
class SupervisionOrderDischargeBrowserTest extends SupervisionOrderBrowserTestSupport {

  @Test
  void aSeniorPractitionerRecordsADischargeOnA390PxPhone() {
    String reference = caseWithAnOrderMadeOn10February2027();
    CaseFixtures.clockAt(2027, 6, 14, 10);
    try (Browser browser = browser()) {
      seniorAtTheCasePageOnA390PxPhone(browser, reference);
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      browser.visible(By.id("discharge-form"));
      assertThat(browser.driver().findElement(By.id("court-1")).getText()).contains("Due on 10 November 2027");

      // the day before the order was made (10 February 2027): refused, named, typed values kept
      browser.type("#discharged-on-day", "9");
      browser.type("#discharged-on-month", "2");
      browser.type("#discharged-on-year", "2027");
      browser.press(By.id("record-discharge"));
      browser.visible(By.cssSelector(".govuk-error-summary"));
      assertThat(browser.driver().findElement(By.cssSelector(".govuk-error-summary")).getText())
          .contains("There is a problem", "not recorded", "before the order was made on 10 February 2027");
      assertThat(browser.driver().findElement(By.id("discharged-on-error")).getText()).contains("10 February 2027");
      assertThat(browser.driver().findElement(By.id("discharged-on-day")).getAttribute("value")).isEqualTo("9");
      assertThat(browser.driver().findElement(By.id("discharged-on-year")).getAttribute("value")).isEqualTo("2027");
      assertThat(overflow(js)).as("pixels past the right edge at 390 px").isLessThanOrEqualTo(0);
      browser.screenshot("casefile-eso-discharge-refused-390");
      // the summary's link takes the person to the field
      browser.press(By.cssSelector(".govuk-error-summary a[href='#discharged-on-day']"));

      // corrected: recorded, back at the Court section with the confirmation; the order ended that day
      browser.type("#discharged-on-day", "14");
      browser.type("#discharged-on-month", "6");
      browser.press(By.id("record-discharge"));
      browser.waitUntil("recorded", () -> browser.driver().getCurrentUrl().endsWith("?done=discharge#court-heading"));
      assertThat(browser.visible(By.id("done")).getText())
          .contains("The discharge of the education supervision order has been recorded");
      assertThat(browser.driver().findElement(By.id("court-1")).getText())
          .contains("14 June 2027 (discharged by the court, Children Act 1989 Sch 3 para 17)", "None waiting");
      // nothing left to discharge: the form gives way to the line saying so
      assertThat(browser.driver().findElements(By.id("discharge-form"))).isEmpty();
      assertThat(browser.visible(By.id("order-ended-line")).getText()).isEqualTo("Discharged on 14 June 2027");
      assertThat(overflow(js)).as("pixels past the right edge at 390 px").isLessThanOrEqualTo(0);
      browser.screenshot("casefile-eso-discharge-recorded-390");
    }
  }
}
