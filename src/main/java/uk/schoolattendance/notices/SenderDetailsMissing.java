package uk.schoolattendance.notices;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A letter is not sent in the council's name while its name or address is still the national
 * placeholder ({@link PenaltyNoticeProperties.Authority#missingSender()}): the message names the
 * letter and each property of {@code attendance.penalty-notices.authority} to set. From "Issue
 * Notice to Improve" the job fails before recording anything, is retried and then raises an
 * incident with this message (Cockpit shows it); once the properties are set, Cockpit's retry
 * issues the notice.
 */
public class SenderDetailsMissing extends BadUserRequestException {

  private final List<String> missing;

  /**
   * @param letters what cannot be sent, as a sentence's subject ("Notices to Improve")
   * @param missing one entry per missing property, each naming it
   */
  public SenderDetailsMissing(String letters, List<String> missing) {
    super(letters + " cannot be issued until the council's name and address are set: " + String.join("; ", missing)
        + " (docs/process.md, NoticeToImprove)");
    this.missing = List.copyOf(missing);
  }

  /** One entry per missing property, each naming it. */
  public List<String> missing() {
    return missing;
  }
}
