package uk.schoolattendance.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Names are names: a pupil's or parent's name holds letters (any alphabet, with accents), spaces,
 * hyphens, apostrophes and full stops (O'Brien, Smith-Jones, St. John, Zoë), nothing that could be
 * markup: {@code [Sign in again](https://…)} became a link in every Tasklist form. Checked when a
 * person (or system) gives a name, at every way in: engine REST, Tasklist's start form and the
 * project's API all write the same variables ({@code pupilName}, {@code parentName}, the start
 * form's {@code parent1Name}/{@code parent2Name}, each name in {@code parents}). Names the
 * application copies between its own processes were checked when they came in.
 */
@Component
public class PersonNames extends AbstractProcessEnginePlugin implements ExecutionListener {

  static final Set<String> VARIABLES =
      Set.of(
          CaseFacts.PUPIL_NAME.name(),
          CaseFacts.PARENT_NAME.name(),
          AttendanceCase.PARENT_1_NAME.name(),
          AttendanceCase.PARENT_2_NAME.name());
  public static final String RULE = "names hold letters, spaces, hyphens, apostrophes and full stops";
  private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M}'\u2019. \\-]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ProcessStartListeners.register(configuration, this);
  }

  /** The parents' names in the {@code parents} Json of a start. */
  @Override
  public void notify(DelegateExecution execution) {
    if (!personCalling()) {
      return; // names the application copies were checked when they came in
    }
    Object parents = CaseFacts.PARENTS.raw(execution);
    if (parents == null) {
      return;
    }
    JsonNode list;
    try {
      list = JSON.readTree(parents.toString());
    } catch (IOException notJson) {
      return; // the case's own validation names that
    }
    int n = 0;
    for (JsonNode parent : list) {
      n++;
      if (!isName(parent.path("name").asText(""))) {
        throw new InvalidInputException("parents", RULE + " (the name of parent " + n + ")");
      }
    }
  }

  /** Refuses a person-name variable that is not a name, when a person gives it. */
  static void check(String variable, String value) {
    if (variable != null && VARIABLES.contains(variable) && !isName(value) && personCalling()) {
      throw new InvalidInputException(variable, RULE);
    }
  }

  /** Whether the text is a name (or empty); the register's import applies the same rule to the names a file sends. */
  public static boolean isName(String value) {
    return value == null || value.isBlank() || NAME.matcher(value.strip()).matches();
  }

  private static boolean personCalling() {
    CommandContext commandContext = Context.getCommandContext();
    return commandContext != null
        && commandContext.getAuthentication() != null
        && commandContext.getAuthentication().getUserId() != null;
  }
}
