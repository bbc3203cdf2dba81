package uk.schoolattendance.court;

import static uk.schoolattendance.court.CourtProceedings.COURT_OUTCOME;
import static uk.schoolattendance.court.CourtProceedings.FINE_AMOUNT;
import static uk.schoolattendance.court.CourtProceedings.HEARING_ADJOURNED;
import static uk.schoolattendance.court.CourtProceedings.HEARING_DATE;
import static uk.schoolattendance.court.CourtProceedings.OFFENCE_SECTION;
import static uk.schoolattendance.court.CourtProceedings.ORDER_ENDS_ON;
import static uk.schoolattendance.court.CourtProceedings.ORDER_MONTHS;
import static uk.schoolattendance.court.CourtProceedings.OUTCOME_DUE_DATE;
import static uk.schoolattendance.court.CourtProceedings.PARENTING_ORDER_MONTHS;
import static uk.schoolattendance.court.CourtProceedings.PARENTING_PROGRAMME_MONTHS;
import static uk.schoolattendance.court.CourtProceedings.PROCEEDINGS_TYPE;
import static uk.schoolattendance.court.CourtProceedings.SUPERVISION_ORDER_MONTHS;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Checks the completion of "Record the court outcome": {@code courtOutcome} from the contract's list (an
 * application for an education supervision order can only end in the order, dismissal or
 * withdrawal), a fine within the statutory maximum of the section, a parenting order of at most
 * 12 months with a programme of at most 3, an education supervision order normally of 1 year and
 * at most 3; the order's end is worked out. When the court adjourned ({@code hearingAdjourned}),
 * only a new {@code hearingDate} ahead is needed. "Record adjournment" or "Record court outcome"
 * then write it to the court record.
 */
@Component("courtOutcomeValid")
public class CourtOutcomeValid implements TaskListener {

  private final SchoolCalendar dates;
  private final CourtProperties properties;

  public CourtOutcomeValid(SchoolCalendar dates, CourtProperties properties) {
    this.dates = dates;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    if (Boolean.TRUE.equals(Inputs.yesNo(task, HEARING_ADJOURNED, false))) {
      adjourn(task);
      return;
    }
    HEARING_ADJOURNED.set(task, false);
    boolean prosecution = CourtProceedings.PROSECUTION.equals(PROCEEDINGS_TYPE.get(task));
    String outcome =
        Inputs.oneOf(
            task, COURT_OUTCOME,
            prosecution ? CourtProceedings.PROSECUTION_OUTCOMES : CourtProceedings.SUPERVISION_OUTCOMES, null);
    LocalDate hearing = Inputs.requiredDay(task, HEARING_DATE, dates.properties().zone());
    Integer months = null;
    switch (outcome) {
      case CourtProceedings.FINE -> {
        BigDecimal fine = Inputs.requiredPounds(task, FINE_AMOUNT);
        String section = OFFENCE_SECTION.get(task);
        BigDecimal max = CourtProceedings.S444_1A.equals(section) ? properties.maxFineS444A() : properties.maxFineS444();
        if (fine.compareTo(max) > 0) {
          throw new InvalidInputException(FINE_AMOUNT.name(), "must not exceed £" + max.toPlainString() + " for " + section);
        }
      }
      case CourtProceedings.PARENTING_ORDER -> {
        months = months(task, PARENTING_ORDER_MONTHS, null, properties.parentingOrderMaxMonths());
        months(task, PARENTING_PROGRAMME_MONTHS, 0, properties.parentingProgrammeMaxMonths());
      }
      case CourtProceedings.EDUCATION_SUPERVISION_ORDER ->
          months = months(task, SUPERVISION_ORDER_MONTHS, properties.supervisionOrderMonths(), properties.supervisionOrderMaxMonths());
      default -> { }
    }
    ORDER_MONTHS.set(task, months);
    ORDER_ENDS_ON.set(task, months == null ? null : hearing.plusMonths(months));
  }

  /** The court adjourned: a new hearing date ahead, no outcome yet. */
  private void adjourn(DelegateTask task) {
    LocalDate hearing = Inputs.requiredDay(task, HEARING_DATE, dates.properties().zone());
    if (!hearing.isAfter(dates.today())) {
      throw new InvalidInputException(HEARING_DATE.name(), "the adjourned hearing's new date must be after today");
    }
    CourtProceedings.HEARING_DATE_SHOWN.set(task, Days.shown(hearing));
    OUTCOME_DUE_DATE.set(task, dates.atTimeOfDay(dates.addWorkingDays(hearing, properties.outcomeWorkingDays())));
  }

  /** Months of an order: required from 1 to max, or the fallback when none is given. */
  private static int months(DelegateTask task, ProcessVariable<Integer> variable, Integer fallback, int max) {
    Integer months = Inputs.optionalWholeNumber(task, variable, 0, max);
    if (months == null && fallback != null) {
      variable.set(task, fallback);
      return fallback;
    }
    if (months == null || months < 1 && fallback == null) {
      throw new InvalidInputException(variable.name(), "is required: from 1 to " + max + " months");
    }
    return months;
  }
}
