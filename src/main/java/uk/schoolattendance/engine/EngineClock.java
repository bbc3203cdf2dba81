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
}
