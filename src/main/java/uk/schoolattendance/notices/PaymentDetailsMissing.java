package uk.schoolattendance.notices;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * No penalty notice is prepared, printed or issued while the council's name, address or every way
 * to pay is unset (SI 2007/1867 reg 3(f), (g)): the message names each missing property of
 * {@code attendance.penalty-notices.authority}. From "Prepare penalty notice" the job fails, is
 * retried and then raises an incident with this message (Cockpit shows it); the project's API
 * and the engine REST API (which Tasklist uses, {@code web/EngineRestErrors}) answer 409 with the
 * message, the print queue says it, and Tasklist shows it. Either way nothing changes.
 */
public class PaymentDetailsMissing extends BadUserRequestException {

  /** The problem's title in the project's API. */
  public static final String TITLE = "The council's payment details are not set";

  private final List<String> missing;

  public PaymentDetailsMissing(List<String> missing) {
    super("Penalty notices cannot be prepared, printed or issued until the council's payment details are set: "
        + String.join("; ", missing) + " (docs/penalty-notices.md, How to pay)");
    this.missing = List.copyOf(missing);
  }

  /** One entry per missing property, each naming it. */
  public List<String> missing() {
    return missing;
  }
}
