package uk.schoolattendance.browser;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on a random port with the demo users, and a real Chromium to drive it. All
 * browser tests share this one Spring context. Without Chromium each test is skipped with the
 * reason ({@link ChromiumCondition}); CI requires it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(ChromiumCondition.class)
abstract class BrowserTestSupport {

  @LocalServerPort int port;

  /** A new person at a new browser; close it when done. */
  Browser browser() {
    return new Browser("http://localhost:" + port);
  }
}
