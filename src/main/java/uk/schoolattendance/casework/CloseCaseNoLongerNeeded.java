package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.CASE_OUTCOME;
import static uk.schoolattendance.casework.AttendanceCase.CLOSURE_REASON;
import static uk.schoolattendance.casework.AttendanceCase.NO_LONGER_NEEDED_EXPLANATION;
import static uk.schoolattendance.casework.AttendanceCase.NO_LONGER_NEEDED_REASON;
import static uk.schoolattendance.casework.AttendanceCase.SUPPORT_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close case: no longer needed" ({@code closeCaseNoLongerNeeded}): after the school found at Level 1
 * that the case is no longer needed for a reason other than improved attendance ({@code supportOutcome}
 * {@code no-longer-needed}, the escalation's code), the case's outcome is {@code no-longer-needed},
 * never {@code improved}: a manager tells them apart in the case file, its timeline, Cockpit (the end
 * event and {@code caseOutcome}) and the reports. {@code closureReason} holds the reason's words and the
 * school's explanation (the case file's lists show it after the outcome); {@code noLongerNeededReason}
 * keeps the reason's key for counting.
 */
@Component("closeCaseNoLongerNeeded")
public class CloseCaseNoLongerNeeded implements JavaDelegate {

  private final CasePathway pathway;
  private final CaseSettings settings;

  public CloseCaseNoLongerNeeded(CasePathway pathway, CaseSettings settings) {
    this.pathway = pathway;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!AttendanceCase.NO_LONGER_NEEDED.equals(SUPPORT_OUTCOME.get(execution))) {
      throw new IllegalStateException("closeCaseNoLongerNeeded after support outcome " + SUPPORT_OUTCOME.get(execution));
    }
    String reason = NO_LONGER_NEEDED_REASON.get(execution);
    // a reason the council has since taken off its list keeps its key as the words
    String words = settings.noLongerNeededReasons().getOrDefault(reason, reason);
    CASE_OUTCOME.set(execution, AttendanceCase.NO_LONGER_NEEDED_OUTCOME);
    CLOSURE_REASON.set(execution, words + ": " + NO_LONGER_NEEDED_EXPLANATION.get(execution));
    pathway.record(execution, "case-closed", "no longer needed: " + words);
  }
}
