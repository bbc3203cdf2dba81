package uk.schoolattendance;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;

/**
 * The tests' engine clock: a fixed school day of the shipped term dates, ticking from there, so no
 * test depends on the day the build runs (a build on a Saturday, in the summer holiday, or past the
 * configured calendar gives the same answers as one on a Wednesday in term). Registered for every
 * test (JUnit's extension autodetection, src/test/resources/junit-platform.properties), it moves
 * the clock before a test class's instance and context are made (demo data and the job executor
 * see the same day) and before each test whose clock is still the real one. Tests that set their
 * own clock keep doing so; {@link #reset()} is their way back to the tests' day (not to the real
 * date, as {@code TestClock.reset()} would).
 *
 * <p>The day is {@value #DEFAULT_DAY} (Europe/London) unless the system property
 * {@value #PROPERTY} names another ({@code -Dattendance.test.now=2027-03-03T10:00}). One offset
 * for the whole run: time keeps moving (locks expire, timers fall due) and never jumps back.
 */
public final class TestClock
    implements BeforeAllCallback, BeforeEachCallback, TestInstancePreConstructCallback {

  /** A Wednesday in the autumn term 2026, inside the shipped calendar. */
  public static final String DEFAULT_DAY = "2026-11-25T09:00";
  public static final String PROPERTY = "attendance.test.now";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static volatile Long offset;

  /** The engine's clock back to the tests' ticking day (what {@code TestClock.reset()} is in production). */
  public static void reset() {
    ClockUtil.offset(offset());
  }

  /** The tests' "now" at this moment (the engine's clock after {@link #reset()}). */
  public static Date now() {
    return new Date(System.currentTimeMillis() + offset());
  }

  private static long offset() {
    Long known = offset;
    if (known == null) {
      synchronized (TestClock.class) {
        if (offset == null) {
          LocalDateTime start = LocalDateTime.parse(System.getProperty(PROPERTY, DEFAULT_DAY));
          offset = start.atZone(LONDON).toInstant().toEpochMilli() - System.currentTimeMillis();
        }
        known = offset;
      }
    }
    return known;
  }

  /** The engine's clock is the real one (never moved, or put back with {@code TestClock.reset()}). */
  private static boolean onRealTime() {
    return Math.abs(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis()) < 1000;
  }

  private static void ifOnRealTime() {
    if (onRealTime()) {
      reset();
    }
  }

  @Override
  public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
    ifOnRealTime();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ifOnRealTime();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ifOnRealTime();
  }
}
