package uk.schoolattendance.attendance;

import static uk.schoolattendance.process.ProcessVariable.integer;
import static uk.schoolattendance.process.ProcessVariable.text;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.MessageContract;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.process.ProcessVariable;

/**
 * The contract of {@code StaleRegisterData} (bpmn/StaleRegisterData.bpmn, docs/register.md): one
 * running instance per school whose register is stale (business key {@code stale-{urn}}), shown in
 * Cockpit to managers until marks arrive again.
 */
@Component
public final class StaleRegisterData implements ProcessContract {

  public static final String KEY = "StaleRegisterData";

  public static final ProcessVariable<String> SCHOOL_URN = CaseFacts.SCHOOL_URN;
  public static final ProcessVariable<String> SCHOOL_NAME = text("schoolName");
  /** The last day with a mark (ISO-8601), or none when the school never sent one. */
  public static final ProcessVariable<String> LAST_MARK_ON = text("lastMarkOn");
  /** School days since the last mark, up to yesterday. */
  public static final ProcessVariable<Integer> SCHOOL_DAYS_WITHOUT_MARKS = integer("schoolDaysWithoutMarks");

  public static final MessageContract REGISTER_DATA_RECEIVED = MessageContract.of("RegisterDataReceived");

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public List<MessageContract> messages() {
    return List.of(REGISTER_DATA_RECEIVED);
  }

  static String businessKey(String urn) {
    return "stale-" + urn;
  }
}
