package uk.schoolattendance.security;

import java.util.Set;

/**
 * TEMPORARY: the expressions in bpmn/ that still write variables from the model ({@code
 * execution.setVariable}, {@code execution.removeVariable}). The deployment guard refuses every
 * other such call ({@link ExpressionAllowList}); these few are allowed exactly as written until
 * the models move the writes into service tasks. {@code LegacyExpressionsTest} fails when an
 * entry is no longer used in bpmn/, so the list only ever shrinks, to empty.
 */
final class LegacyExpressions {

  static final Set<String> STILL_IN_BPMN =
      Set.of(
          "${execution.setVariable('noticeOutcome', 'withdrawn')}",
          "${execution.setVariable('noticeOutcome', 'court-outcome')}",
          "${execution.setVariable('noticeOutcome', 'paid')}",
          "${execution.setVariable('noticeOutcome', 'another-route')}",
          "${execution.setVariable('caseOutcome', 'court-outcome')}",
          "${execution.removeVariable('hearingAdjourned')}");

  private LegacyExpressions() {}

  static boolean allows(String expression) {
    return STILL_IN_BPMN.contains(expression.strip());
  }
}
