package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casework.CaseFixtures;

/** The case file in a real browser: one login with Tasklist, and finding a pupil. */
class CaseFileBrowserTest extends BrowserTestSupport {

  @Autowired RuntimeService runtimeService;

  @Test
  void aPersonSignedInToTasklistIsSignedInToTheCaseFileAndFindsAPupil() {
    String upn = CaseFileCases.newUpn();
    new CaseFileCases(runtimeService).start(CaseFixtures.UNIVERSAL_SCHOOL, "Aria Whitlock", upn, "parent-1", "Dan Whitlock");
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/casework/");
      browser.visible(By.xpath("//h1[normalize-space(.)='Find a pupil']"));
      browser.type("#q", "whitl");
      browser.press(By.xpath("//button[normalize-space(.)='Search']"));
      browser.waitUntil("find-whitlock", () -> browser.driver().getPageSource().contains("1 case found"));
      browser.screenshot("casefile-find-a-pupil");
      assertThat(browser.driver().findElement(By.cssSelector("table.casefile-results")).getText())
          .contains("Aria Whitlock", upn, "Hillcrest Academy", "Intervene in school");
      // Tasklist is in the navigation, and the person is still signed in there.
      browser.press(By.xpath("//a[normalize-space(.)='Tasklist']"));
      browser.waitUntil("back-to-tasklist", () -> browser.driver().getCurrentUrl().contains("/camunda/app/tasklist/")
          && !browser.driver().getCurrentUrl().contains("/login"));
    }
  }

  @Test
  void signingInToTheCaseFileSignsInToTasklist() {
    try (Browser browser = browser()) {
      browser.open("/casework/?q=smith");
      browser.visible(By.xpath("//h1[normalize-space(.)='Sign in']"));
      browser.screenshot("casefile-sign-in");
      browser.type("#username", "school2");
      browser.type("#password", "school2");
      browser.press(By.xpath("//button[normalize-space(.)='Sign in']"));
      browser.waitUntil("signed-in", () -> browser.driver().getCurrentUrl().endsWith("/casework/?q=smith"));
      assertThat(browser.driver().findElement(By.cssSelector(".casefile-header__person")).getText()).isNotBlank();
      browser.open("/camunda/app/tasklist/default/");
      browser.waitUntil("tasklist-signed-in", () -> browser.driver().getPageSource().contains("My school's cases"));
      assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");
    }
  }
}
