package uk.schoolattendance.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, the one the timers and the history use: the application's "now" (dates of
 * records, today's date, case references' year). Tests move it with Camunda's {@code ClockUtil};
 * this is the only class that reads it (ADR 0004).
 */
public final class EngineClock {

  private EngineClock() {}

  /** The engine's current time. */
  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /**
   * Runs {@code work} with the engine's clock set to {@code then}, and puts the clock back to the
   * time it kept before: demo data that must look as if it happened earlier (a case opened weeks
   * ago, with its history and tasks dated then).
   */
  public static <T> T at(Date then, java.util.function.Supplier<T> work) {
    long offset = ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();
    ClockUtil.setCurrentTime(then);
    try {
      return work.get();
    } finally {
      if (Math.abs(offset) < 1000) {
        ClockUtil.reset();
      } else {
        // a clock a test had moved stays where it was, and keeps ticking as it did (a job
        // executor's locks must still expire)
        ClockUtil.offset(offset);
      }
    }
  }
}
