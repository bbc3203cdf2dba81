package uk.schoolattendance.court;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.Inputs;
import uk.schoolattendance.notices.NoticeDates;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Completing "Record the court outcome": {@code courtOutcome} from the contract's list (an
 * application for an education supervision order can only end in the order, dismissal or
 * withdrawal), a fine within the statutory maximum of the section, a parenting order of at most
 * 12 months with a programme of at most 3, an education supervision order normally of 1 year and
 * at most 3. The outcome and the order's end are recorded. When the court adjourned
 * ({@code hearingAdjourned}), only the new {@code hearingDate} is recorded and the process waits
 * for it again.
 */
@Component("courtOutcomeRecorded")
public class CourtOutcomeRecorded implements TaskListener {

  static final Set<String> PROSECUTION_OUTCOMES =
      Set.of("fine", "conditional-discharge", "parenting-order", "education-supervision-order", "dismissed", "withdrawn");
  static final Set<String> SUPERVISION_OUTCOMES = Set.of("education-supervision-order", "dismissed", "withdrawn");

  private final CourtProceedingsRepository proceedings;
  private final NoticeDates dates;
  private final CourtProperties properties;

  public CourtOutcomeRecorded(CourtProceedingsRepository proceedings, NoticeDates dates, CourtProperties properties) {
    this.proceedings = proceedings;
    this.dates = dates;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    Object adjourned = task.getVariable("hearingAdjourned");
    if (adjourned != null && Inputs.requiredBoolean(task, "hearingAdjourned")) {
      adjourn(task);
      return;
    }
    task.setVariable("hearingAdjourned", false);
    boolean prosecution = "prosecution".equals(task.getVariable("proceedingsType"));
    String outcome = Inputs.oneOf(task, "courtOutcome", prosecution ? PROSECUTION_OUTCOMES : SUPERVISION_OUTCOMES);
    LocalDate hearing = Inputs.requiredDate(task, "hearingDate", dates.zone());
    BigDecimal fine = null;
    Integer months = null;
    switch (outcome) {
      case "fine" -> {
        fine = Inputs.requiredPounds(task, "fineAmount");
        BigDecimal max = "s444-1A".equals(task.getVariable("offenceSection")) ? properties.maxFineS444A() : properties.maxFineS444();
        if (fine.compareTo(max) > 0) {
          throw new InvalidInputException("fineAmount", "must not exceed £" + max.toPlainString() + " for " + task.getVariable("offenceSection"));
        }
        task.setVariable("fineAmount", fine.doubleValue());
      }
      case "parenting-order" -> {
        months = months(task, "parentingOrderMonths", null, properties.parentingOrderMaxMonths());
        months(task, "parentingProgrammeMonths", 0, properties.parentingProgrammeMaxMonths());
      }
      case "education-supervision-order" ->
          months = months(task, "supervisionOrderMonths", properties.supervisionOrderMonths(), properties.supervisionOrderMaxMonths());
      default -> { }
    }
    LocalDate ends = months == null ? null : hearing.plusMonths(months);
    task.setVariable("orderEndsOn", dates.startOfDay(ends));
    proceedings.recordOutcome(task.getProcessInstanceId(), outcome, fine, months, ends, dates.today());
  }

  /** The court adjourned: a new hearing date ahead, no outcome yet. */
  private void adjourn(DelegateTask task) {
    task.setVariable("hearingAdjourned", true);
    LocalDate hearing = Inputs.requiredDate(task, "hearingDate", dates.zone());
    if (!hearing.isAfter(dates.today())) {
      throw new InvalidInputException("hearingDate", "the adjourned hearing's new date must be after today");
    }
    task.setVariable("hearingDate", dates.atTimeOfDay(hearing));
    task.setVariable("outcomeDueDate", dates.atTimeOfDay(dates.addWorkingDays(hearing, properties.outcomeWorkingDays())));
    task.removeVariable("courtOutcome");
    proceedings.recordHearingDate(task.getProcessInstanceId(), hearing);
  }

  private static int months(DelegateTask task, String name, Integer fallback, int max) {
    Object value = task.getVariable(name);
    if (value == null && fallback != null) {
      task.setVariable(name, fallback);
      return fallback;
    }
    Integer months = Inputs.optionalCount(task, name, max);
    if (months == null || months < 1 && fallback == null) {
      throw new InvalidInputException(name, "is required: from 1 to " + max + " months");
    }
    task.setVariable(name, months);
    return months;
  }
}
