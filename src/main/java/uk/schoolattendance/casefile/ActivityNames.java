package uk.schoolattendance.casefile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.court.CourtProceedings;
import uk.schoolattendance.improvement.NoticeToImprove;
import uk.schoolattendance.notices.PenaltyNotice;

/**
 * What a case waits on, in a caseworker's words ("the review", "the payment period to end"): one
 * mapping from the models' event ids to words, with the name the model gives ("Review date
 * reached") for any other. A model's names are not case data: read as the application, once per
 * deployed version.
 */
@Component
public class ActivityNames {

  /** The events a case waits on, as a caseworker says it after "Waits for". */
  static final Map<String, String> WAITING_FOR =
      Map.of(
          AttendanceCase.REVIEW_DATE_REACHED, "the review",
          AttendanceCase.CONTRACT_REVIEW_DATE_REACHED, "the review of the attendance contract",
          NoticeToImprove.IMPROVEMENT_PERIOD_ENDED, "the Notice to Improve's improvement period to end",
          PenaltyNotice.PAYMENT_PERIOD_ENDED, "the payment period to end",
          CourtProceedings.HEARING_DATE_REACHED, "the court hearing");

  private final RepositoryService repositoryService;
  private final AsApplication asApplication;
  private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

  ActivityNames(RepositoryService repositoryService, AsApplication asApplication) {
    this.repositoryService = repositoryService;
    this.asApplication = asApplication;
  }

  /** What a case waiting at this event waits for ("the review"), else the model's name for it, else its id. */
  public String waitingFor(String processDefinitionId, String activityId) {
    String words = activityId == null ? null : WAITING_FOR.get(activityId);
    return words != null ? words : of(processDefinitionId, activityId);
  }

  /** The activity's name, or its id when it has none. */
  public String of(String processDefinitionId, String activityId) {
    if (processDefinitionId == null || activityId == null) {
      return activityId;
    }
    return byDefinition.computeIfAbsent(processDefinitionId, this::names).getOrDefault(activityId, activityId);
  }

  private Map<String, String> names(String processDefinitionId) {
    BpmnModelInstance model = asApplication.call(() -> repositoryService.getBpmnModelInstance(processDefinitionId));
    Map<String, String> names = new ConcurrentHashMap<>();
    if (model != null) {
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (element.getId() != null && element.getName() != null) {
          names.put(element.getId(), element.getName().replaceAll("\\s+", " ").trim());
        }
      }
    }
    return names;
  }
}
