package uk.schoolattendance.attendance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.ProcessVariable;

/**
 * "Review identified pupils" as its form is opened (review 16, 1): a listed pupil the register holds
 * on another school's roll today, and not on the review's school's, is marked in the list ({@code
 * identifiedPupils}: the pupil's line says so, {@code onAnotherRoll} true) and is not offered for
 * ticking ({@code pupilChoices}) nor for a reason of their own ({@code notOpenedReasons}): the case's
 * start refuses such a pupil, and the school whose roll they are on opens the case. The marks are made
 * from the register each time the form's values are fetched ({@code GET /task/{id}/form-variables},
 * the one call Tasklist makes when it opens a Camunda Form), after the engine's own check, and stored
 * nowhere; no other school is named. So the review's list as stored, and a review waiting on an older
 * form (1.3), keep working unchanged and show the marks too. The completion reads the roll again
 * ({@link IdentifiedPupilsReview}), and "Open attendance cases" still skips a ticked pupil who moved
 * after the form was opened.
 */
@Component
public class ReviewRollMarks {

  /** The words after a marked pupil's name in the list: another school is never named to a school. */
  static final String MARK = "now on another school's roll: not offered here, that school opens the case";

  private static final List<ProcessVariable<JsonNode>> SHOWN = List.of(ReviewIdentifiedPupils.IDENTIFIED_PUPILS,
      ReviewIdentifiedPupils.PUPIL_CHOICES, ReviewIdentifiedPupils.NOT_OPENED_REASONS);

  private final AttendanceRegister register;

  ReviewRollMarks(AttendanceRegister register) {
    this.register = register;
  }

  /** The UPNs among {@code upns} the register holds on some school's roll today but not on {@code schoolUrn}'s. */
  Set<String> onAnotherRoll(String schoolUrn, Collection<String> upns) {
    Set<String> elsewhere = new LinkedHashSet<>();
    if (schoolUrn == null || upns.isEmpty()) {
      return elsewhere;
    }
    register.schoolsToday(upns).forEach((upn, schools) -> {
      if (!schools.isEmpty() && !schools.contains(schoolUrn)) {
        elsewhere.add(upn);
      }
    });
    return elsewhere;
  }

  /** Whether a form that asks for these variables (all when null) is shown what the marks change. */
  public boolean shows(Collection<String> asked) {
    return asked == null || SHOWN.stream().anyMatch(v -> asked.contains(v.name()));
  }

  /** The variables to ask the engine for: those asked and what the marks are made from. */
  public Collection<String> withSources(Collection<String> asked) {
    if (asked == null) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>(asked);
    SHOWN.forEach(v -> names.add(v.name()));
    names.add(ReviewIdentifiedPupils.SCHOOL_URN.name());
    return names;
  }

  /**
   * The form's values with the marks (a form that is not a review's, which holds no {@code
   * identifiedPupils}, is given unchanged), and without what was fetched only to make them.
   */
  public VariableMap addTo(VariableMap variables, Collection<String> asked) {
    Object list = stored(variables, ReviewIdentifiedPupils.IDENTIFIED_PUPILS.name());
    Object urn = stored(variables, ReviewIdentifiedPupils.SCHOOL_URN.name());
    if (list != null && urn != null) {
      mark(variables, urn.toString(), Json.list(Json.parse(ReviewIdentifiedPupils.IDENTIFIED_PUPILS.name(), list)));
    }
    if (asked != null) {
      variables.keySet().removeIf(name -> !asked.contains(name));
    }
    return variables;
  }

  private void mark(VariableMap variables, String schoolUrn, ArrayNode listed) {
    Set<String> upns = new LinkedHashSet<>();
    listed.forEach(row -> upns.add(row.path("upn").asText()));
    Set<String> elsewhere = onAnotherRoll(schoolUrn, upns);
    if (elsewhere.isEmpty()) {
      return;
    }
    for (JsonNode row : listed) {
      if (row instanceof ObjectNode pupil && elsewhere.contains(pupil.path("upn").asText())) {
        pupil.put(OpenAttendanceCases.ON_ANOTHER_ROLL, true);
        pupil.put("pupil", pupil.path("name").asText() + " (" + pupil.path("upn").asText() + "): " + MARK);
      }
    }
    variables.putValueTyped(ReviewIdentifiedPupils.IDENTIFIED_PUPILS.name(), Json.value(listed));
    for (ProcessVariable<JsonNode> offered : List.of(ReviewIdentifiedPupils.PUPIL_CHOICES, ReviewIdentifiedPupils.NOT_OPENED_REASONS)) {
      Object value = stored(variables, offered.name());
      if (value != null) {
        ArrayNode kept = Json.newList();
        for (JsonNode row : Json.list(Json.parse(offered.name(), value))) {
          String upn = row.has("value") ? row.path("value").asText() : row.path("upn").asText();
          if (!elsewhere.contains(upn)) {
            kept.add(row);
          }
        }
        variables.putValueTyped(offered.name(), Json.value(kept));
      }
    }
  }

  /** The value as the engine gave it, a Json value in its stored form when not deserialized. */
  private static Object stored(VariableMap variables, String name) {
    TypedValue typed = variables.getValueTyped(name);
    if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return typed == null ? null : typed.getValue();
  }
}
