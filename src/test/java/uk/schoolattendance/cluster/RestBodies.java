package uk.schoolattendance.cluster;

/** Engine REST request bodies the cluster and crash tests send to the application's nodes. */
final class RestBodies {

  private RestBodies() {}

  /** Starts an AttendanceCase at {@code entryLevel} at school 100001 with one parent. */
  static String attendanceCaseStart(String businessKey, String upn, String pupilName, String parentId, int entryLevel) {
    return "{\"businessKey\":\"" + businessKey + "\",\"variables\":{"
        + text("pupilUpn", upn) + "," + text("pupilName", pupilName) + "," + text("schoolUrn", "100001") + ","
        + "\"entryLevel\":{\"value\":" + entryLevel + ",\"type\":\"Integer\"},"
        + "\"attendancePercent\":{\"value\":84.0,\"type\":\"Double\"},"
        + "\"unauthorisedSessions\":{\"value\":9,\"type\":\"Integer\"},"
        + "\"parents\":{\"value\":\"[{\\\"id\\\":\\\"" + parentId + "\\\",\\\"name\\\":\\\"Alex Parent\\\","
        + "\\\"address\\\":\\\"1 High Street\\\"}]\",\"type\":\"Json\"}}}";
  }

  /** Starts a PenaltyNotice referral for one parent, as the case's multi-instance does. */
  static String penaltyNoticeReferral(String caseReference, String upn, String parentId, int n) {
    return "{\"variables\":{" + text("caseReference", caseReference) + "," + text("pupilUpn", upn) + ","
        + text("pupilName", name("Pupil", n)) + "," + text("schoolUrn", "100001") + ","
        + text("parentId", parentId) + "," + text("parentName", name("Parent", n)) + ","
        + text("parentAddress", n + " Station Road, Southend SS1 1AA") + "," + text("noticeReason", "other") + ","
        + text("offenceFrom", "2026-09-07") + "," + text("offenceTo", "2026-10-16") + "}}";
  }

  /** "Pupil Bc" for n = 28: names hold letters only, so the n-th person is told apart by letters. */
  static String name(String role, int n) {
    StringBuilder letters = new StringBuilder();
    int rest = n;
    do {
      letters.insert(0, (char) ('a' + rest % 26));
      rest /= 26;
    } while (rest > 0);
    letters.setCharAt(0, Character.toUpperCase(letters.charAt(0)));
    return role + " " + letters;
  }

  static String text(String name, String value) {
    return "\"" + name + "\":{\"value\":\"" + value + "\",\"type\":\"String\"}";
  }
}
