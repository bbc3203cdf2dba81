package uk.schoolattendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layout docs/adr/0002 and docs/adr/0004 describe, kept by the build. */
class PackagesTest {

  static final Path MAIN = Path.of("src/main/java/uk/schoolattendance");

  @Test
  void engineInternalsAreUsedOnlyWhereAdr0004SaysWhy() throws IOException {
    assertThat(filesContaining("org.camunda.bpm.engine.impl"))
        .containsExactly(
            "casefile/casepage/TaskHistoryWords.java",
            "casefile/index/CaseIndexHandler.java",
            "casefile/index/CaseIndexPlugin.java",
            "engine/CaseFileHistoryLevel.java",
            "engine/EngineClock.java",
            "engine/EngineTuning.java",
            "engine/EngineZone.java",
            "engine/MessageSubscriptionRemoval.java",
            "engine/StartupLock.java",
            "identity/IdentitySetup.java",
            "process/CommandInputs.java",
            "process/VariableOwnership.java",
            "security/CallerReferences.java",
            "security/Callers.java",
            "security/CaseAuthorizations.java",
            "security/CurrentUser.java",
            "security/GuardedManagementService.java",
            "security/GuardedRepositoryService.java",
            "security/GuardedRuntimeService.java",
            "security/GuardedTaskService.java",
            "security/InputLimits.java",
            "security/ModelGuard.java",
            "security/PasswordRules.java",
            "security/PersonNames.java",
            "security/ProcessStartListeners.java",
            "security/ServiceGuards.java",
            "security/StartedFromTheCase.java");
  }

  @Test
  void theCourtReadsDatesFromTheSchoolCalendarNotThroughTheNotices() throws IOException {
    for (String file : filesContaining("import uk.schoolattendance.notices.")) {
      if (file.startsWith("court/")) {
        String source = Files.readString(MAIN.resolve(file));
        assertThat(source).as(file).doesNotContain("notices.NoticeDates").doesNotContain("notices.NoticeTerms");
      }
    }
  }

  @Test
  void theSystemPackageIsSplitIntoWebAndEngine() {
    assertThat(MAIN.resolve("system")).doesNotExist();
    assertThat(MAIN.resolve("web/ApiErrors.java")).exists();
    assertThat(MAIN.resolve("engine/EngineTuning.java")).exists();
  }

  static Set<String> filesContaining(String text) throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (Files.readString(file).contains(text)) {
          found.add(MAIN.relativize(file).toString().replace('\\', '/'));
        }
      }
    }
    return found;
  }
}
