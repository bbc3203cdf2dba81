package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The offence period's refusal counts its sessions in plain English: "1 unauthorised session", not "1 ... sessions". */
class OffencePeriodWordsTest {

  @Test
  void oneSessionIsSingular() {
    assertThat(OffencePeriodsFromMarks.unauthorisedSessions(0)).isEqualTo("no unauthorised sessions");
    assertThat(OffencePeriodsFromMarks.unauthorisedSessions(1)).isEqualTo("1 unauthorised session");
    assertThat(OffencePeriodsFromMarks.unauthorisedSessions(4)).isEqualTo("4 unauthorised sessions");
  }
}
