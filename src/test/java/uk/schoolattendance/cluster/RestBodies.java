package uk.schoolattendance.cluster;

/** Engine REST request bodies the cluster and crash tests send to the application's nodes. */
final class RestBodies {

  private RestBodies() {}

  /** Starts an AttendanceCase at {@code entryLevel} at school 100001 with one parent, born 20 November 2015, 12 unauthorised sessions (over the national threshold). */
  static String attendanceCaseStart(String businessKey, String upn, String pupilName, String parentId, int entryLevel) {
    return "{\"businessKey\":\"" + businessKey + "\",\"variables\":{"
        + text("pupilUpn", upn) + "," + text("pupilName", pupilName) + "," + text("schoolUrn", "100001") + ","
        + text("pupilDateOfBirth", "2015-11-20") + "," + text("pupilAddress", "3 Elm Row, Southend SS1 2CD") + ","
        + "\"entryLevel\":{\"value\":" + entryLevel + ",\"type\":\"Integer\"},"
        + "\"attendancePercent\":{\"value\":84.0,\"type\":\"Double\"},"
        + "\"unauthorisedSessions\":{\"value\":12,\"type\":\"Integer\"},"
        + "\"parents\":{\"value\":\"[{\\\"id\\\":\\\"" + parentId + "\\\",\\\"name\\\":\\\"Alex Parent\\\","
        + "\\\"address\\\":\\\"1 High Street\\\"}]\",\"type\":\"Json\"}}}";
  }

  /**
   * Completes a case's Pupil Planning Meeting choosing penalty notices for an offence period in
   * the autumn term 2026: the case starts one PenaltyNotice per parent, as only a case may.
   */
  static String penaltyNoticeRoute() {
    return "{\"variables\":{" + text("legalRoute", "penalty-notice") + "," + text("offenceFrom", "2026-09-07") + ","
        + text("offenceTo", "2026-10-16") + "," + text("noContractReason", "Never tried: the parent would not meet")
        + "," + text("noNoticeToImproveReason", "Support was refused at every stage")
        + ",\"thresholdEvidenceConfirmed\":{\"value\":true},\"thresholdEvidenceSessions\":{\"value\":12}}}";
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
