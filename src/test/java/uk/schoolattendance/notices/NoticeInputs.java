package uk.schoolattendance.notices;

import java.util.HashMap;
import java.util.Map;

/** The inputs of a {@code PenaltyNotice} as the case passes them (docs/adr/0002). */
public final class NoticeInputs {

  private NoticeInputs() {}

  public static Map<String, Object> inputs(String parent, String upn, String reason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(PenaltyNotice.CASE_REFERENCE.name(), "AC-" + upn);
    variables.put(PenaltyNotice.PUPIL_UPN.name(), upn);
    variables.put(PenaltyNotice.PUPIL_NAME.name(), "Sam Pupil");
    // the case's address for the child, used when the register has none (no register in these tests)
    variables.put(PenaltyNotice.PUPIL_ADDRESS.name(), "3 Elm Row, Southend SS1 2CD");
    variables.put(PenaltyNotice.SCHOOL_URN.name(), "100001");
    variables.put(PenaltyNotice.PARENT_ID.name(), parent);
    variables.put(PenaltyNotice.PARENT_NAME.name(), "Alex Parent");
    variables.put(PenaltyNotice.PARENT_ADDRESS.name(), "1 Station Road, Southend SS1 1AA");
    variables.put(PenaltyNotice.NOTICE_REASON.name(), reason);
    variables.put(PenaltyNotice.OFFENCE_FROM.name(), "2026-09-07");
    variables.put(PenaltyNotice.OFFENCE_TO.name(), "2026-10-16");
    variables.put(PenaltyNotice.UNAUTHORISED_SESSIONS.name(), 12);
    return variables;
  }

  /** The compliance team posts the prepared notice today: it is issued and awaits payment. */
  public static void post(org.camunda.bpm.engine.TaskService tasks, String processInstanceId) {
    org.camunda.bpm.engine.task.Task dispatch = tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(PenaltyNotice.DISPATCH_PENALTY_NOTICE.id()).singleResult();
    tasks.claim(dispatch.getId(), "compliance");
    tasks.complete(dispatch.getId(), Map.of(PenaltyNotice.DELIVERY_METHOD.name(), PenaltyNotice.POST));
  }
}
