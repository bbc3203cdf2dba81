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

  /** The application's own configuration (application.yaml), below whatever a council's file sets. */
  private ApplicationContextRunner withApplicationYaml() {
    return context.withInitializer(c -> {
      try {
        new org.springframework.boot.env.YamlPropertySourceLoader()
            .load("application.yaml", new org.springframework.core.io.ClassPathResource("application.yaml"))
            .forEach(source -> c.getEnvironment().getPropertySources().addLast(source));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /**
   * A council that lists its own early escalation reasons gets that list, on top of the
   * application's own configuration: the national reason it left out is not stated by the letter,
   * offered by the form nor accepted by the rule (all three read this one list).
   */
  @Test
  void aCouncilsEarlyEscalationReasonsReplaceTheNationalOnes() {
    withApplicationYaml().run(c -> assertThat(c.getBean(NoticeToImproveProperties.class).earlyEscalationReasons())
        .isEqualTo(NoticeToImproveProperties.DEFAULT_EARLY_ESCALATION_REASONS));
    withApplicationYaml()
        .withPropertyValues(
            "attendance.notice-to-improve.early-escalation-reasons.further-unauthorised-absence=Further unauthorised absence",
            "attendance.notice-to-improve.early-escalation-reasons.refused-school-place=The parent refused the school place")
        .run(c -> assertThat(c.getBean(NoticeToImproveProperties.class).earlyEscalationReasons())
            .containsExactly(
                java.util.Map.entry("further-unauthorised-absence", "Further unauthorised absence"),
                java.util.Map.entry("refused-school-place", "The parent refused the school place")));
  }

  @Test
  void anEarlyEscalationReasonWithoutWordsStopsStartUpNamingTheKey() {
    context.withPropertyValues("attendance.notice-to-improve.early-escalation-reasons.parent-not-engaging=")
        .run(c -> assertThat(c).hasFailed().getFailure().rootCause().hasMessageContaining(
            "attendance.notice-to-improve.early-escalation-reasons.parent-not-engaging has no words"));
    context.withPropertyValues("attendance.notice-to-improve.early-escalation-reasons[Parent Not Engaging]=Words")
        .run(c -> assertThat(c).hasFailed().getFailure().rootCause().hasMessageContaining(
            "attendance.notice-to-improve.early-escalation-reasons.Parent Not Engaging is not a reason's code"));
  }
}
