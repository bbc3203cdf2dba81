package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/**
 * Review 3, S9: "Decide on non-payment" reads the s127 deadline for its time-limit timer, its offer
 * and its completion check from the register. A notice whose register row cannot be found falls back
 * to the deadline the process recorded when it issued the notice; with neither, the step stops with a
 * message naming the notice and the missing deadline, never a NullPointerException.
 */
class NonPaymentDecisionDeadlineTest {

  private static final String NUMBER = "PN-2026-000123";
  private static final Date LIMIT_PASSES = new Date(0);

  private final PenaltyNoticeRegister register = mock(PenaltyNoticeRegister.class);
  private final NoticeDates dates = mock(NoticeDates.class);
  private final NonPaymentDecisionAllowed rules = new NonPaymentDecisionAllowed(register, dates, mock(ProsecutionBar.class));

  @Test
  void withNoRegisterRowTheTimerReadsTheDeadlineTheProcessRecorded() {
    when(register.find(NUMBER)).thenReturn(Optional.empty());
    when(dates.informationLimitPassesAt(LocalDate.of(2027, 4, 16))).thenReturn(LIMIT_PASSES);
    assertThat(rules.informationLimitPassesFor(scope(LocalDate.of(2027, 4, 16)))).isSameAs(LIMIT_PASSES);
  }

  @Test
  void withNoDeadlineAnywhereTheTimerSaysWhichIsMissing() {
    when(register.find(NUMBER)).thenReturn(Optional.empty());
    assertThatThrownBy(() -> rules.informationLimitPassesFor(scope(null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(NUMBER)
        .hasMessageContaining("has no row for it")
        .hasMessageContaining(PenaltyNotice.INFORMATION_DEADLINE.name());
    assertThatThrownBy(() -> rules.informationLimitPassesAt(NUMBER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no information deadline");
  }

  private static VariableScope scope(LocalDate deadline) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(PenaltyNotice.NOTICE_NUMBER.name())).thenReturn(NUMBER);
    when(scope.getVariable(PenaltyNotice.INFORMATION_DEADLINE.name())).thenReturn(deadline == null ? null : deadline.toString());
    return scope;
  }
}
