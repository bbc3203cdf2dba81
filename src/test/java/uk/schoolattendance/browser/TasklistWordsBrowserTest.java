package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * Tasklist shows its words, not their translation keys (walk 13 #6): on a first visit its task
 * search box and sort menu were drawn before its words (locales/en.json) had arrived and kept
 * "SEARCH_PLACEHOLDER" and "CREATION_DATE". Here Tasklist's own request for its words is held
 * back, the worst case of that race: the words are there all the same.
 */
class TasklistWordsBrowserTest extends BrowserTestSupport {

  /** A translation key left on the page: "CREATION_DATE", "SEARCH_PLACEHOLDER". */
  private static final Pattern KEY = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z]{2,})+\\b");

  @Test
  void aFirstVisitShowsTheSearchBoxAndSortMenuInWordsEvenBeforeTasklistsOwnWordsArrive() {
    try (Browser browser = browser()) {
      ChromiumDriver chromium = (ChromiumDriver) browser.driver();
      chromium.executeCdpCommand("Network.enable", Map.of());
      // Tasklist asks for its words as locales/en.json?bust=<version>: that request never answers
      chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/tasklist/locales/en.json?bust=*")));
      browser.logInTo("tasklist", "senior", "senior");
      browser.visible(By.cssSelector("[cam-widget-search] input.main-field"));
      // the sort menu is drawn: in words ("Created") or as its key
      browser.waitUntil("tasklist-sort-menu", () -> {
        String text = browser.driver().findElement(By.tagName("body")).getText();
        return text.contains("Created") || text.contains("CREATION_DATE");
      });
      browser.screenshot("tasklist-words-first-visit");
      // found again: the search box may be drawn once more when the words arrive
      assertThat(browser.visible(By.cssSelector("[cam-widget-search] input.main-field")).getDomAttribute("placeholder"))
          .isEqualTo("Filter Tasks");
      String page = browser.driver().findElement(By.tagName("body")).getText();
      Matcher keys = KEY.matcher(page);
      List<String> found = keys.results().map(m -> m.group()).toList();
      assertThat(found).as("translation keys on the page").isEmpty();
      assertThat(page).contains("Created");
    }
  }
}
