package uk.schoolattendance.web;

/**
 * A request the caller may not make because of what one field names (a school not theirs): the
 * project's API answers 403 with the {@code field} and the {@code rule}, in the same problem
 * details as every other refusal ({@link ApiErrors}).
 */
public class FieldForbidden extends RuntimeException {

  private final String field;
  private final String rule;

  public FieldForbidden(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
    this.rule = rule;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }
}
