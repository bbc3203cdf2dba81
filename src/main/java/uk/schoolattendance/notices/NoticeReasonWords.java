package uk.schoolattendance.notices;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words a caseworker reads for the codes the penalty notice process keeps: why no notice may
 * be issued ({@code refusalReason}, decision PenaltyNoticeTerms, or incomplete term-time leave
 * evidence) and why a notice was withdrawn ({@code withdrawalGround}, domain notes §5). Forms show
 * these words through text variables set beside the codes; an unknown code is shown as it is.
 */
public final class NoticeReasonWords {

  /** Why no notice: the decision's reasons, and the evidence check's. */
  public static final String EVIDENCE_INCOMPLETE = "evidence-incomplete";

  private static final Map<String, String> REFUSALS = Map.of(
      "limit-reached",
      "This parent already has two penalty notices for this child in the last 3 years (withdrawn notices do not"
          + " count): a third is not allowed",
      "local-cap-reached",
      "The local code of conduct's yearly limit of penalty notices for this child has been reached",
      EVIDENCE_INCOMPLETE,
      "The school's term-time leave evidence is incomplete: the local code of conduct does not allow a notice"
          + " without it");

  /** Each withdrawal ground and its words, in the order a form lists them. */
  public static final Map<String, String> GROUNDS = grounds();

  private static Map<String, String> grounds() {
    Map<String, String> grounds = new LinkedHashMap<>();
    grounds.put("no-offence", "No offence was committed");
    grounds.put("outside-code-of-conduct", "Issued outside the local code of conduct");
    grounds.put("wrong-recipient", "Issued to the wrong person");
    grounds.put(PenaltyNotice.MATERIAL_ERROR, "The notice has a material error");
    grounds.put(PenaltyNotice.NOT_PROSECUTED, "Not paid, and the authority will not prosecute");
    return Collections.unmodifiableMap(grounds);
  }

  private NoticeReasonWords() {}

  /** Why no notice may be issued, in words. */
  public static String refusal(String code) {
    return code == null ? null : REFUSALS.getOrDefault(code, code);
  }

  /** Why a notice was withdrawn, in words; "No ground given" without one. */
  public static String ground(String code) {
    return code == null || code.isBlank() ? "No ground given" : GROUNDS.getOrDefault(code, code);
  }
}
