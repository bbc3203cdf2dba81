package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The temporary list of variable writes still made from bpmn/ only shrinks: each entry is still
 * used (remove it when its model no longer does), and bpmn/ uses no other.
 */
class LegacyExpressionsTest {

  static final Pattern WRITE = Pattern.compile("\\$\\{execution\\.(?:set|remove)Variable[^}]*\\}");

  @Test
  void listsExactlyTheVariableWritesStillInBpmn() throws IOException {
    List<String> used;
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      used =
          files.filter(f -> f.toString().endsWith(".bpmn"))
              .flatMap(LegacyExpressionsTest::writes)
              .distinct()
              .toList();
    }
    assertThat(LegacyExpressions.STILL_IN_BPMN).containsExactlyInAnyOrderElementsOf(used);
  }

  private static Stream<String> writes(Path model) {
    try {
      Matcher matcher = WRITE.matcher(Files.readString(model).replace("&#39;", "'").replace("&#x27;", "'"));
      return matcher.results().map(result -> result.group());
    } catch (IOException e) {
      throw new IllegalStateException(model.toString(), e);
    }
  }
}
