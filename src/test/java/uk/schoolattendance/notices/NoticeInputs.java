package uk.schoolattendance.notices;

import java.util.HashMap;
import java.util.Map;

/** The inputs of a {@code PenaltyNotice} as the case passes them (docs/adr/0002). */
public final class NoticeInputs {

  private NoticeInputs() {}

  public static Map<String, Object> inputs(String parent, String upn, String reason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", "AC-" + upn);
    variables.put("pupilUpn", upn);
    variables.put("pupilName", "Sam Pupil");
    variables.put("schoolUrn", "100001");
    variables.put("parentId", parent);
    variables.put("parentName", "Alex Parent");
    variables.put("parentAddress", "1 Station Road, Southend SS1 1AA");
    variables.put("noticeReason", reason);
    variables.put("offenceFrom", "2026-09-07");
    variables.put("offenceTo", "2026-10-16");
    variables.put("unauthorisedSessions", 12);
    return variables;
  }

}
