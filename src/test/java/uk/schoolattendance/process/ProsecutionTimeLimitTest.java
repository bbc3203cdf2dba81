package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** s127: the information deadline is the last day an information may be laid; it passes the day after. */
class ProsecutionTimeLimitTest {

  static final LocalDate OFFENCE_TO = LocalDate.of(2026, 3, 14);
  static final LocalDate LAST_DAY = LocalDate.of(2026, 9, 14);

  @Test
  void theLastDayIsStillInTimeAndTheDayAfterIsNot() {
    assertThat(ProsecutionTimeLimit.informationDeadline(OFFENCE_TO, 6)).isEqualTo(LAST_DAY);
    assertThat(ProsecutionTimeLimit.passed(LAST_DAY, LAST_DAY)).isFalse();
    assertThat(ProsecutionTimeLimit.passed(LAST_DAY, LAST_DAY.plusDays(1))).isTrue();
    assertThat(ProsecutionTimeLimit.requireInTime("offenceTo", OFFENCE_TO, 6, LAST_DAY)).isEqualTo(LAST_DAY);
    assertThatThrownBy(() -> ProsecutionTimeLimit.requireInTime("offenceTo", OFFENCE_TO, 6, LAST_DAY.plusDays(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("offenceTo")
        .hasMessageContaining("had to be laid by 14 September 2026");
  }
}
