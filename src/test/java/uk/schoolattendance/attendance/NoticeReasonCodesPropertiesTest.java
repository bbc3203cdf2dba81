package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code attendance.register.notice-reason-codes}: a council's typo stops start-up with a message
 * naming the key and what it may be, rather than being ignored (so the reason would silently be
 * "other").
 */
class NoticeReasonCodesPropertiesTest {

  @EnableConfigurationProperties(RegisterProperties.class)
  static class Config {}

  /** The 2024 code set's unauthorised codes, as application.yaml ships them. */
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
          .withUserConfiguration(Config.class)
          .withPropertyValues(
              "attendance.register.code-sets[0].name=2024", "attendance.register.code-sets[0].from=2024-08-19",
              "attendance.register.code-sets[0].unauthorised=G,N,O,U");

  @Test
  void theNationalDefaultsAndAnotherUnauthorisedCodeStart() {
    context.run(c -> assertThat(c.getBean(RegisterProperties.class).noticeReasonCodes())
        .isEqualTo(Map.of("holiday", List.of("G"), "late", List.of("U"))));
    context.withPropertyValues("attendance.register.notice-reason-codes.holiday=G,O", "attendance.register.notice-reason-codes.late=U")
        .run(c -> assertThat(c.getBean(RegisterProperties.class).noticeReasonCodes().get("holiday")).containsExactly("G", "O"));
  }

  @Test
  void aReasonThatIsNotOneStopsStartUpNamingTheKeyAndTheReasons() {
    context.withPropertyValues("attendance.register.notice-reason-codes.holliday=G", "attendance.register.notice-reason-codes.late=U")
        .run(c -> assertThat(c).hasFailed().getFailure().rootCause().hasMessage(
            "attendance.register.notice-reason-codes.holliday: 'holliday' is not a reason for a penalty notice: the reasons"
                + " are holiday and late (a mixture of codes is 'other', which has no codes)"));
  }

  @Test
  void aCodeThatIsNotAnUnauthorisedAbsenceStopsStartUpNamingTheCodesAllowed() {
    context.withPropertyValues("attendance.register.notice-reason-codes.holiday=G", "attendance.register.notice-reason-codes.late=L")
        .run(c -> assertThat(c).hasFailed().getFailure().rootCause().hasMessage(
            "attendance.register.notice-reason-codes.late: 'L' is not an unauthorised absence code of the register's code sets"
                + " (attendance.register.code-sets): use one or more of G, N, O, U"));
  }

  @Test
  void codesAreKeptStrippedAndUpperCaseAsTheMarksAreCompared() {
    context.withPropertyValues("attendance.register.notice-reason-codes.holiday= g ", "attendance.register.notice-reason-codes.late=U")
        .run(c -> assertThat(c.getBean(RegisterProperties.class).noticeReasonCodes().get("holiday")).containsExactly("G"));
  }

  @Test
  void aCodeUnderTwoReasonsStopsStartUpNamingBoth() {
    context.withPropertyValues("attendance.register.notice-reason-codes.holiday=G,U", "attendance.register.notice-reason-codes.late=U")
        .run(c -> assertThat(c).hasFailed().getFailure().rootCause().hasMessage(
            "attendance.register.notice-reason-codes.late: 'U' is also listed under holiday: a code makes one reason only"
                + " (list it under one of them)"));
  }
}
