package uk.schoolattendance.process;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Bad input from a person or a client: names the field and the rule it broke. Thrown from a
 * start or task listener it rolls the whole command back (nothing is created, the task stays
 * open) and the engine REST API answers 400 with this message; the project's API answers 400
 * with the field and rule (see {@link ApiErrors}).
 */
public class InvalidInputException extends BadUserRequestException {

  private final String field;
  private final String rule;

  public InvalidInputException(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
    this.rule = rule;
  }

  public String getField() {
    return field;
  }

  public String getRule() {
    return rule;
  }
}
