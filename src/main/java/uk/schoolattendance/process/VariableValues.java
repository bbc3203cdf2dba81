package uk.schoolattendance.process;

import java.util.HashMap;
import java.util.Map;

/**
 * Typed variables for a start, a completion or a message, written through their declarations:
 * {@code VariableValues.with(ATTENDANCE_TARGET, 92.0).and(BARRIERS, "Anxiety")}. It is a plain
 * map, so it goes wherever the engine takes variables.
 */
public final class VariableValues extends HashMap<String, Object> {

  private static final long serialVersionUID = 1L;

  public static VariableValues none() {
    return new VariableValues();
  }

  public static <T> VariableValues with(ProcessVariable<T> variable, T value) {
    return new VariableValues().and(variable, value);
  }

  public <T> VariableValues and(ProcessVariable<T> variable, T value) {
    variable.put(this, value);
    return this;
  }

  /** A copy of these variables. */
  public VariableValues copy() {
    VariableValues copy = new VariableValues();
    copy.putAll(this);
    return copy;
  }

  /** Variables given as they arrive (a form's text, a number as text), named by their declaration. */
  public VariableValues raw(ProcessVariable<?> variable, Object value) {
    put(variable.name(), value);
    return this;
  }

  public static VariableValues of(Map<String, Object> variables) {
    VariableValues values = new VariableValues();
    values.putAll(variables);
    return values;
  }
}
