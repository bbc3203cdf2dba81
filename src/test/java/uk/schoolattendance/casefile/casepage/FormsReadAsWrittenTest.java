package uk.schoolattendance.casefile.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * Every Tasklist form reads as a person writes (issue #16): no "level , stage **", "Attendance
 * 85 % ()", "heard on .", raw ISO timestamps, {@code null}, empty parentheses or machine codes.
 * Each form's display lines (its disabled fields and tables) are read as Tasklist fills them (the
 * task's form variables, as {@code GET /task/{id}/form-variables} gives them) for a
 * typical task of a case: a value the task holds is shown in words, a value it does not hold hides
 * its line instead of showing an empty box.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class FormsReadAsWrittenTest {

  /** What a person does not write: an ISO date or time, null, "()", " ,", " .", markdown stars, " %", a kebab-case code. */
  static final List<Pattern> NOT_WRITTEN = List.of(
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}"),
      Pattern.compile("\\bnull\\b"),
      Pattern.compile("\\(\\s*\\)"),
      Pattern.compile("\\s[,.]"),
      Pattern.compile("\\*\\*"),
      Pattern.compile("\\d\\s%"),
      Pattern.compile("\\?"),
      Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)+$"));

  /** Variables that hold a machine form (codes, ISO dates, Json); a form shows their "…Shown" words instead. */
  static final Set<String> MACHINE_FORM = Set.of("stage", "history", "attendanceBand", "dataPackAsOf", "hearingDate",
      "issuedOn", "deemedReceivedOn", "finalDeadline", "informationDeadline", "offenceFrom", "offenceTo",
      "supervisionOrderDecisionDue", "noticeToImproveIssuedOn", "noticeToImproveEndsOn", "proceedingsType", "offenceSection");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;

  @Test
  void noFormShowsAMachineValueOrAnEmptyLineForAMissingOne() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path form : forms()) {
      JsonNode root = JSON.readTree(form.toFile());
      for (JsonNode field : components(root)) {
        String type = field.path("type").asText();
        String key = field.path("key").asText("");
        String where = form.getFileName() + " " + field.path("id").asText();
        if ("text".equals(type) || "html".equals(type)) {
          String text = field.path("text").asText(field.path("content").asText(""));
          // a value put into a sentence ("heard on {{date}}.") reads badly when it is missing: display lines show values
          if (text.contains("{{") || text.startsWith("=")) {
            problems.add(where + ": a value templated into text: " + text);
          }
        }
        if ("table".equals(type)) {
          String source = field.path("dataSource").asText();
          if (source.equals("=history")) {
            problems.add(where + ": the case's raw history (ISO timestamps, codes); use historyShown");
          }
        }
        if (display(field)) {
          if (MACHINE_FORM.contains(key)) {
            problems.add(where + ": shows " + key + " in its machine form; use " + key + "Shown");
          }
          if (!field.path("conditional").path("hide").asText().contains(key)) {
            problems.add(where + ": shows an empty box when the task has no " + key + "; hide the line");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aCaseTasksFormsReadAsAPersonWritesThem() throws IOException {
    ProcessInstance started = new CaseFileCases(runtimeService)
        .start(CaseFixtures.UNIVERSAL_SCHOOL, "Mo Readwell", CaseFileCases.newUpn(), "parent-1", "Pip Readwell");
    Task task = taskService.createTaskQuery().processInstanceId(started.getId()).singleResult();
    Map<String, Object> values = formService.getTaskFormVariables(task.getId());
    List<String> shown = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path form : forms()) {
      JsonNode root = JSON.readTree(form.toFile());
      if (!root.toString().contains("\"stageShown\"")) {
        continue; // a form of the case's own tasks: its context lines come from the case
      }
      for (JsonNode field : components(root)) {
        String key = field.path("key").asText("");
        if (display(field) && values.get(key) != null) {
          String text = String.valueOf(values.get(key));
          shown.add(key);
          check(form.getFileName() + " " + key, text, problems);
        }
        if ("table".equals(field.path("type").asText())) {
          JsonNode rows = JSON.readTree(String.valueOf(values.get("historyShown")));
          for (JsonNode row : rows) {
            for (JsonNode column : field.path("columns")) {
              check(form.getFileName() + " history " + column.path("key").asText(), row.path(column.path("key").asText()).asText(), problems);
            }
          }
        }
      }
    }
    assertThat(shown).contains("pupilName", "stageShown", "attendancePercent", "attendanceBandShown");
    assertThat(problems).isEmpty();
  }

  private static void check(String where, String text, List<String> problems) {
    for (Pattern pattern : NOT_WRITTEN) {
      if (pattern.matcher(text).find()) {
        problems.add(where + ": \"" + text + "\" (" + pattern + ")");
      }
    }
  }

  /** A line that shows a value: a field a person does not change. */
  private static boolean display(JsonNode field) {
    return field.has("key") && (field.path("disabled").asBoolean() || field.path("readonly").asBoolean());
  }

  static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
    }
  }

  static List<JsonNode> components(JsonNode parent) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : parent.path("components")) {
      all.add(component);
      all.addAll(components(component));
    }
    return all;
  }
}
