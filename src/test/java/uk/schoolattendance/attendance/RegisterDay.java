package uk.schoolattendance.attendance;

import java.time.LocalDate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import uk.schoolattendance.TestClock;

/**
 * Today for a register test: the engine's clock at midday of the day before each test, and real
 * time again after it, so no test leaves its day to the tests that share its Spring context.
 */
final class RegisterDay implements BeforeEachCallback, AfterEachCallback {

  private final LocalDate day;

  RegisterDay(LocalDate day) {
    this.day = day;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    RegisterApi.today(day);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestClock.reset();
  }
}
