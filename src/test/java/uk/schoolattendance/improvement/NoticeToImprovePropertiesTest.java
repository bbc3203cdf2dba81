package uk.schoolattendance.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The improvement period is configuration, 3 to 6 school weeks; anything else stops start-up. */
class NoticeToImprovePropertiesTest {

  @EnableConfigurationProperties(NoticeToImproveProperties.class)
  static class Config {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
          .withUserConfiguration(Config.class);

  @Test
  void theNoticeIsSentByTheAttendanceServiceUnlessTheCouncilNamesItsOwnTeam() {
    context.run(c -> assertThat(c.getBean(NoticeToImproveProperties.class).team()).isEqualTo("Attendance Service"));
    context.withPropertyValues("attendance.notice-to-improve.team=Education Welfare Service")
        .run(c -> assertThat(c.getBean(NoticeToImproveProperties.class).team()).isEqualTo("Education Welfare Service"));
  }

  @Test
  void defaultsToSixSchoolWeeks() {
    assertThat(NoticeToImproveProperties.defaults().periodSchoolWeeks()).isEqualTo(6);
    context.run(c -> assertThat(c.getBean(NoticeToImproveProperties.class).periodSchoolWeeks()).isEqualTo(6));
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 5, 6})
  void acceptsThreeToSix(int weeks) {
    context.withPropertyValues("attendance.notice-to-improve.period-school-weeks=" + weeks)
        .run(c -> assertThat(c.getBean(NoticeToImproveProperties.class).periodSchoolWeeks()).isEqualTo(weeks));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 7, 20})
  void refusesToStartOutsideThreeToSix(int weeks) {
    context.withPropertyValues("attendance.notice-to-improve.period-school-weeks=" + weeks)
        .run(c -> assertThat(c).hasFailed()
            .getFailure().rootCause().hasMessageContaining("attendance.notice-to-improve.period-school-weeks must be between 3 and 6"));
    assertThatThrownBy(() -> new NoticeToImproveProperties(weeks)).hasMessageContaining("was " + weeks);
  }
}
