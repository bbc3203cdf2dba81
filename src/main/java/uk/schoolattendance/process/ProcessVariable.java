package uk.schoolattendance.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One process variable, declared once in its process's contract with its name and its type, and
 * read or written only through that declaration: {@code AttendanceCase.LEVEL.get(execution)}
 * gives an {@code Integer}, {@code PenaltyNotice.AMOUNT_PAID.set(execution, amount)} takes a
 * {@code BigDecimal}. No variable name is spelt out anywhere else, and nothing is cast.
 *
 * @param <T> the variable's Java type
 */
public final class ProcessVariable<T> {

  private final String name;
  private final VariableType<T> type;

  private ProcessVariable(String name, VariableType<T> type) {
    this.name = name;
    this.type = type;
  }

  public static <T> ProcessVariable<T> of(String name, VariableType<T> type) {
    return new ProcessVariable<>(name, type);
  }

  public static ProcessVariable<String> text(String name) {
    return of(name, VariableType.TEXT);
  }

  public static ProcessVariable<Integer> integer(String name) {
    return of(name, VariableType.INTEGER);
  }

  public static ProcessVariable<Double> number(String name) {
    return of(name, VariableType.NUMBER);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return of(name, VariableType.BOOLEAN);
  }

  public static ProcessVariable<Date> date(String name) {
    return of(name, VariableType.DATE);
  }

  /** A calendar day in law, kept as ISO-8601 text (see {@link VariableType#DAY}). */
  public static ProcessVariable<LocalDate> day(String name) {
    return of(name, VariableType.DAY);
  }

  /** Pounds: BigDecimal in Java, Double in the engine (see {@link VariableType#MONEY}). */
  public static ProcessVariable<BigDecimal> money(String name) {
    return of(name, VariableType.MONEY);
  }

  public static ProcessVariable<JsonNode> json(String name) {
    return of(name, VariableType.JSON);
  }

  public static ProcessVariable<FileValue> file(String name) {
    return of(name, VariableType.FILE);
  }

  /** The variable's name as the engine, the models and the forms know it. */
  public String name() {
    return name;
  }

  public VariableType<T> type() {
    return type;
  }

  /** The value visible from this scope, or null. */
  public T get(VariableScope scope) {
    return from(type.readsTypedValue() ? scope.getVariableTyped(name) : scope.getVariable(name));
  }

  /** The value of this scope itself (not of a parent scope), or null. */
  public T getLocal(VariableScope scope) {
    return from(type.readsTypedValue() ? scope.getVariableLocalTyped(name) : scope.getVariableLocal(name));
  }

  /** The value in a map of variables (a start, a completion, {@code getVariables}), or null. */
  public T get(Map<String, ?> variables) {
    return from(variables.get(name));
  }

  /** The Java value of a value the engine returned for this variable (history, REST). */
  public T from(Object stored) {
    Object value = stored instanceof TypedValue typed && !type.readsTypedValue() ? typed.getValue() : stored;
    return type.read(name, value);
  }

  /** The value as it arrived, before any rule read it: for the input normaliser. */
  public Object raw(VariableScope scope) {
    return scope.getVariable(name);
  }

  public boolean isSet(VariableScope scope) {
    return scope.getVariable(name) != null;
  }

  /**
   * Sets the value, unless the variable already holds it: the engine writes a history detail
   * (and, for Json, a new byte array) for every write, even of the same value.
   */
  public void set(VariableScope scope, T value) {
    if (!scope.hasVariable(name) || !type.holds(scope.getVariable(name), value)) {
      scope.setVariable(name, type.write(value));
    }
  }

  /** Sets the value on this scope itself (a multi-instance body, a task). */
  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, type.write(value));
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /** Puts the value into a map of variables for a start, a completion or a message. */
  public Map<String, Object> put(Map<String, Object> variables, T value) {
    variables.put(name, type.write(value));
    return variables;
  }

  /** What the engine stores for this value (for service calls such as {@code setVariable(id, name, value)}). */
  public Object stored(T value) {
    return type.write(value);
  }

  @Override
  public String toString() {
    return name;
  }
}
