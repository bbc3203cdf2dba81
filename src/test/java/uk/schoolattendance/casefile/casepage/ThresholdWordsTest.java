package uk.schoolattendance.casefile.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import uk.schoolattendance.attendance.AttendanceRegister;
import uk.schoolattendance.attendance.Figures;
import uk.schoolattendance.attendance.RegisterProperties;
import uk.schoolattendance.attendance.ThresholdConfiguration;
import uk.schoolattendance.attendance.ThresholdSessions;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.improvement.NoticeToImproveLetter;
import uk.schoolattendance.process.ThresholdWords;

/**
 * The threshold in words comes from what the register counts it by: its sessions from the
 * NationalThreshold decision ({@link ThresholdSessions}), its window from {@code
 * attendance.register.threshold.school-weeks}: a council whose decision says 12 sessions and whose
 * window is 8 school weeks reads "the last 8 school weeks" on the case page (the register's figures
 * and the case's own) and "12 sessions in a rolling 8 school weeks" in the Notice to Improve, never
 * the national default's 10.
 */
class ThresholdWordsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private final ApplicationContextRunner council = decision(12)
      .withPropertyValues("attendance.register.threshold.school-weeks=8");

  /** The configuration with a NationalThreshold decision met from {@code sessions} sessions. */
  static ApplicationContextRunner decision(int sessions) {
    ThresholdSessions decision = mock(ThresholdSessions.class);
    when(decision.sessions()).thenReturn(sessions);
    return new ApplicationContextRunner().withUserConfiguration(ThresholdConfiguration.class)
        .withBean(ThresholdSessions.class, () -> decision);
  }

  @Test
  void theNationalDefaultsWithoutConfiguration() {
    decision(10).run(context -> {
      ThresholdWords words = context.getBean(ThresholdWords.class);
      assertThat(context.getBean(RegisterProperties.class).threshold()).isEqualTo(new RegisterProperties.Threshold(10));
      assertThat(words.lastSchoolWeeks()).isEqualTo("the last 10 school weeks");
      assertThat(words.threshold()).isEqualTo("10 sessions in a rolling 10 school weeks");
    });
  }

  /**
   * Review S8: the words and the register read the threshold once, from one place each: the
   * decision's sessions and the configured window reach both, and a window the register refuses
   * (0) is refused for the words too. A {@code sessions} setting (the second source of earlier
   * releases) is refused, naming the decision, rather than silently ignored.
   */
  @Test
  void theWordsAndTheRegisterReadOneThreshold() {
    council.run(context -> {
      RegisterProperties.Threshold register = context.getBean(RegisterProperties.class).threshold();
      ThresholdWords words = context.getBean(ThresholdWords.class);
      assertThat(register).isEqualTo(new RegisterProperties.Threshold(8));
      assertThat(words.sessions()).isEqualTo(context.getBean(ThresholdSessions.class).sessions()).isEqualTo(12);
      assertThat(words.schoolWeeks()).isEqualTo(register.schoolWeeks());
    });
    // a key as the register's binding reads it, in any of the forms it accepts: the words say the same
    decision(12).withPropertyValues("attendance.register.threshold.schoolWeeks=8").run(context -> {
      assertThat(context.getBean(RegisterProperties.class).threshold().schoolWeeks()).isEqualTo(8);
      assertThat(context.getBean(ThresholdWords.class).lastSchoolWeeks()).isEqualTo("the last 8 school weeks");
    });
    decision(10).withPropertyValues("attendance.register.threshold.school-weeks=0")
        .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("at least 1"));
    decision(10).withPropertyValues("attendance.register.threshold.sessions=12")
        .run(context -> assertThat(context).hasFailed().getFailure()
            .hasStackTraceContaining("the threshold's sessions are set in the NationalThreshold decision"));
  }

  /**
   * Review S8 and review 2 S6: the register's binding ({@code RegisterProperties}) is the one reader of
   * the threshold's keys; no other class reads them again, in any spelling: {@code @Value("${...}")},
   * {@code environment.getProperty("attendance.register.threshold.sessions")}, an environment
   * variable's name, or a second {@code @ConfigurationProperties} on {@code attendance.register}.
   * Comments may name the keys.
   */
  @Test
  void noOtherClassReadsTheThresholdsKeys() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<String> readers = files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> !file.getFileName().toString().equals("RegisterProperties.java"))
          .filter(file -> readsTheThreshold(read(file)))
          .map(Path::toString).toList();
      assertThat(readers).isEmpty();
    }
  }

  /** The check above catches each way of reading the keys a second time, and not a comment naming them. */
  @Test
  void theOneReaderCheckCatchesEverySpellingOfASecondReader() {
    assertThat(List.of(
        "@Value(\"${attendance.register.threshold.sessions:10}\") int sessions;",
        "int weeks = environment.getProperty(\"attendance.register.threshold.school-weeks\", Integer.class, 10);",
        "environment.getProperty(\"attendance.register.threshold.schoolWeeks\")",
        "System.getenv(\"ATTENDANCE_REGISTER_THRESHOLD_SESSIONS\")",
        "@ConfigurationProperties(\"attendance.register\") record Mine(Threshold threshold) {}",
        "@ConfigurationProperties(prefix = \"attendance.register\") class Mine {}",
        "Binder.get(environment).bind(\"attendance.register.threshold\", Threshold.class)"))
        .allSatisfy(code -> assertThat(readsTheThreshold(code)).as(code).isTrue());
    assertThat(readsTheThreshold("/** The threshold ({@code attendance.register.threshold}). */ class Words {}\n"
        + "// attendance.register.threshold.sessions\nthrow new IOException(\"larger than attendance.register.max-file-size\");"))
        .isFalse();
  }

  /** Any spelling of the threshold's keys or of the register's prefix in code (comments left out). */
  private static final java.util.regex.Pattern THRESHOLD_KEY = java.util.regex.Pattern.compile(
      "attendance[._-]?register(?:\"|[._-]?threshold)", java.util.regex.Pattern.CASE_INSENSITIVE);

  private static boolean readsTheThreshold(String source) {
    String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)(^|[^:\"])//[^\n]*", "$1");
    return THRESHOLD_KEY.matcher(code).find();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aCouncilsOwnThresholdIsWhatThePagesAndLettersSay() {
    council.run(context -> {
      ThresholdWords words = context.getBean(ThresholdWords.class);

      // the case page: the register's figures and the case's own figure
      AttendanceRegister register = mock(AttendanceRegister.class);
      when(register.figures(anyString(), any(LocalDate.class))).thenReturn(Optional.of(new Figures("A700000000001", TODAY,
          "2026-27", 100, 80, 6, 14, 80.0, "persistent", 13, null, null, null, "100001")));
      when(register.marks(anyString(), any(LocalDate.class), any(LocalDate.class))).thenReturn(List.of());
      UkDates dates = mock(UkDates.class);
      when(dates.today()).thenReturn(TODAY);
      when(dates.day(any(LocalDate.class))).thenReturn("25 November 2026");
      CasePage.RegisterView view = new RegisterFigures(register, dates, words).of("A700000000001");
      assertThat(view.facts()).extracting(CasePage.Fact::label)
          .contains("Unauthorised in the last 8 school weeks").doesNotContain("Unauthorised in the last 10 school weeks");
      assertThat(CasePageReader.unauthorisedFact(13, words)).isEqualTo("13 sessions in the last 8 school weeks");

      // the Notice to Improve's first section
      String record = NoticeToImproveLetter.sections(new NoticeToImproveLetter.Content("AC-2026-000001", "Alex Parent",
          "1 High Street", "Sam Pupil", "A700000000001", "Riverside Primary School", 80.0, 13, null, "no more absence",
          TODAY, TODAY, LocalDate.of(2027, 1, 29), 6, null, "Attendance Service", null, words, false,
          java.util.List.of("Further unauthorised absence"))).get(0)[1];
      assertThat(record).contains("13 sessions of unauthorised absence in the last 8 school weeks")
          .contains("(12 sessions in a rolling 8 school weeks)").doesNotContain("10 school weeks");
    });
  }
}
