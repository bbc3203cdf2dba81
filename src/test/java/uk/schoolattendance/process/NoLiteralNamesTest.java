package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.ProcessEngineFixture;

/**
 * No variable name, process key, message name or task id is spelt out in the application's code
 * outside the process contracts (and the shared {@link CaseFacts}): everything else names them
 * through the contracts' declarations, so a rename is one change and a reader finds every use.
 */
class NoLiteralNamesTest {

  static final Path MAIN = Path.of("src/main/java");

  /** Engine calls that take a variable name, with a literal where the declaration belongs. */
  static final Pattern VARIABLE_CALL =
      Pattern.compile(
          "\\b(get|set|remove|has)Variable(s)?(Local)?(Typed)?\\(\\s*\"|\\bvariableName\\(\\s*\"|\\bvariableValue\\w*\\(\\s*\""
              + "|\\bcreateMessageCorrelation\\(\\s*\"|\\b\\w*ByKey\\(\\s*\"|\\bprocessDefinitionKey(In)?\\(\\s*\"|\\btaskDefinitionKey(In)?\\(\\s*\"");

  /** The ids of user tasks and other activities, as literals. */
  static final Pattern ACTIVITY_ID = Pattern.compile("\"(Task|Event|Activity|Gateway)_[A-Z]\\w*\"");

  @Test
  void theApplicationNamesVariablesProcessesMessagesAndTasksOnlyThroughTheContracts() throws IOException {
    List<String> literals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ProcessContract contract : ProcessEngineFixture.CONTRACTS) {
      names.add(contract.key());
      contract.messages().forEach(message -> names.add(message.name()));
    }
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (isContract(file)) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          String code = line.strip();
          if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
            continue;
          }
          String at = MAIN.relativize(file) + ":" + (i + 1) + ": " + code;
          if (VARIABLE_CALL.matcher(line).find() || ACTIVITY_ID.matcher(line).find()) {
            literals.add(at);
          }
          for (String name : names) {
            if (line.contains("\"" + name + "\"")) {
              literals.add(at);
            }
          }
        }
      }
    }
    assertThat(literals).as("names spelt out outside the contracts").isEmpty();
  }

  @Test
  void theCheckFindsWhatItLooksFor() {
    Matcher call = VARIABLE_CALL.matcher("execution.getVariable(\"schoolUrn\")");
    assertThat(call.find()).isTrue();
    assertThat(VARIABLE_CALL.matcher("runtime.createMessageCorrelation(\"CaseClosed\")").find()).isTrue();
    assertThat(VARIABLE_CALL.matcher("query.processDefinitionKey(\"AttendanceCase\")").find()).isTrue();
    assertThat(VARIABLE_CALL.matcher("AttendanceCase.LEVEL.get(execution)").find()).isFalse();
    assertThat(ACTIVITY_ID.matcher("case \"Task_InterveneInSchool\" ->").find()).isTrue();
  }

  /** The contract classes: one per process, and the case facts they share. */
  private static boolean isContract(Path file) throws IOException {
    String source = Files.readString(file);
    return source.contains("implements ProcessContract") || file.endsWith(Path.of("process", "CaseFacts.java"));
  }
}
