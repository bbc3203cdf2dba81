package uk.schoolattendance.court;

import static uk.schoolattendance.process.ProcessVariable.day;
import static uk.schoolattendance.process.ProcessVariable.text;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.MessageContract;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.process.UserTaskContract;

/**
 * The contract of {@code SupervisionOrderReminder} (bpmn/SupervisionOrderReminder.bpmn): one
 * instance per end of an education supervision order (the end it was made with, then each
 * extension's), business key the case reference. It waits until
 * {@code attendance.court.supervision-order-extension.reminder-months-before} the end, then gives
 * the attendance officers "Consider extending the education supervision order" (Children Act 1989
 * Sch 3 para 15(3)); an extension, a discharge or the end itself withdraws it.
 */
@Component
public final class SupervisionOrderReminder implements ProcessContract {

  public static final String KEY = "SupervisionOrderReminder";

  public static final ProcessVariable<String> CASE_REFERENCE = CaseFacts.CASE_REFERENCE;
  public static final ProcessVariable<String> PUPIL_UPN = CaseFacts.PUPIL_UPN;
  public static final ProcessVariable<String> PUPIL_NAME = CaseFacts.PUPIL_NAME;
  /** The court proceedings that made the order (their process instance id): the order's identity. */
  public static final ProcessVariable<String> COURT_PROCEEDINGS_ID = text("courtProceedingsId");
  /** The order's last day now (a calendar day). */
  public static final ProcessVariable<LocalDate> SUPERVISION_ORDER_ENDS_ON = day("supervisionOrderEndsOn");
  /** The same, as people read it: "28 May 2027". */
  public static final ProcessVariable<String> SUPERVISION_ORDER_ENDS_ON_SHOWN = text("supervisionOrderEndsOnShown");
  /** The first day the authority may apply to extend it (para 15(3)), as people read it. */
  public static final ProcessVariable<String> EXTENSION_WINDOW_OPENS_SHOWN = text("extensionWindowOpensShown");

  /** Starts the instance for an order's end (message start event). */
  public static final MessageContract SUPERVISION_ORDER_IN_FORCE = MessageContract.of("SupervisionOrderInForce",
      CASE_REFERENCE, PUPIL_UPN, PUPIL_NAME, COURT_PROCEEDINGS_ID, SUPERVISION_ORDER_ENDS_ON, SUPERVISION_ORDER_ENDS_ON_SHOWN,
      EXTENSION_WINDOW_OPENS_SHOWN);
  /** The court extended the order: this end's reminder goes; the new end has its own instance. */
  public static final MessageContract SUPERVISION_ORDER_EXTENDED = MessageContract.of("SupervisionOrderExtended");
  /** The court discharged the order (Sch 3 para 17): its reminder goes. */
  public static final MessageContract SUPERVISION_ORDER_DISCHARGED = MessageContract.of("SupervisionOrderDischarged");

  public static final String REMINDER_DUE = "Event_ReminderDue";
  public static final String ORDER_ENDED = "Event_OrderEnded";
  public static final UserTaskContract CONSIDER_EXTENDING = UserTaskContract.of("Task_ConsiderExtendingSupervisionOrder");

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public List<UserTaskContract> userTasks() {
    return List.of(CONSIDER_EXTENDING);
  }

  @Override
  public List<MessageContract> messages() {
    return List.of(SUPERVISION_ORDER_IN_FORCE, SUPERVISION_ORDER_EXTENDED, SUPERVISION_ORDER_DISCHARGED);
  }
}
