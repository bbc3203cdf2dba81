package uk.schoolattendance;

import java.time.ZoneId;
import java.util.TimeZone;
import org.h2.util.DateTimeUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JVM's default zone for the zone tests, as a server started with that TZ has it: registered as
 * a static field ({@code @RegisterExtension static final JvmZone ZONE = new JvmZone();}) it keeps the
 * server's zone before the class's own set-up and puts it back after each test and after the class.
 */
public final class JvmZone implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  private TimeZone serverZone;

  /** The JVM's default zone from now on (H2 reads it again for each new connection). */
  public static void set(String zone) {
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    DateTimeUtils.resetCalendar();
  }

  public static void set(ZoneId zone) {
    set(zone.getId());
  }

  /** The server's zone again, as it was before the test class started. */
  public void restore() {
    TimeZone.setDefault(serverZone);
    DateTimeUtils.resetCalendar();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    serverZone = TimeZone.getDefault();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    restore();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    restore();
  }
}
