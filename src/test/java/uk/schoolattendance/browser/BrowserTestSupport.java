package uk.schoolattendance.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on a random port with the demo users, and a real Chromium to drive it. All
 * browser tests share this one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
abstract class BrowserTestSupport {

  @LocalServerPort int port;

  @BeforeAll
  static void needsChromium() {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed (.ci/install installs them)");
  }

  /** A new person at a new browser; close it when done. */
  Browser browser() {
    return new Browser("http://localhost:" + port);
  }
}
