package uk.schoolattendance.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record penalty notice outcomes" ({@code recordPenaltyNoticeOutcomes}, docs/adr/0002): any
 * notice that went to court makes the case's outcome {@code court-outcome}; a notice whose
 * parent reached the limit and was sent to another route sends the case back to Level 3
 * ({@code anotherRouteNeeded}); otherwise {@code penalty-paid} when at least one was paid, and
 * {@code withdrawn} when all were withdrawn.
 */
@Component("recordPenaltyNoticeOutcomes")
public class RecordPenaltyNoticeOutcomes implements JavaDelegate {

  private final CasePathway pathway;

  public RecordPenaltyNoticeOutcomes(CasePathway pathway) {
    this.pathway = pathway;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ArrayNode outcomes = JsonVariables.readList(execution, "noticeOutcomes");
    boolean court = false;
    boolean paid = false;
    boolean anotherRoute = false;
    for (JsonNode entry : outcomes) {
      switch (entry.path("noticeOutcome").asText("")) {
        case "court-outcome" -> court = true;
        case "paid" -> paid = true;
        case "another-route" -> anotherRoute = true;
        default -> { }
      }
    }
    String outcome = court ? "court-outcome" : paid ? "penalty-paid" : "withdrawn";
    boolean backToSupport = anotherRoute && !court;
    execution.setVariable("anotherRouteNeeded", backToSupport);
    if (backToSupport) {
      pathway.requestLevel(execution, 3, "a parent reached the limit of penalty notices: another route chosen");
    } else {
      execution.setVariable("caseOutcome", outcome);
      pathway.record(execution, "penalty-notices-concluded", outcome);
    }
  }
}
