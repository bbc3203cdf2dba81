package uk.schoolattendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.engine.EngineClock;

/**
 * Every test runs on the tests' school day, not on the day the build runs: a build on a Saturday,
 * in August or after the shipped term dates end gives the same answers. And the day ticks.
 */
class TestClockTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void aTestThatNeverMovesTheClockRunsOnTheTestsSchoolDay() {
    LocalDate day = LocalDateTime.parse(System.getProperty(TestClock.PROPERTY, TestClock.DEFAULT_DAY)).toLocalDate();
    assertThat(LocalDate.ofInstant(EngineClock.now().toInstant(), LONDON)).isEqualTo(day);
  }

  @Test
  void theTestsClockTicksAsTheRealOneDoes() {
    long engine = EngineClock.now().getTime();
    long real = System.currentTimeMillis();
    while (System.currentTimeMillis() < real + 20) {
      Thread.onSpinWait(); // locks expire and jobs fall due on a clock that moves
    }
    assertThat(EngineClock.now().getTime()).isGreaterThanOrEqualTo(engine + 20);
  }

  @Test
  void puttingTheClockBackReturnsToTheTestsDayNotTheRealDate() {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(0));
    TestClock.reset();
    assertThat(Math.abs(EngineClock.now().getTime() - TestClock.now().getTime())).isLessThan(1000);
  }
}
