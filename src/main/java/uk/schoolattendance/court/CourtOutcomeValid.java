package uk.schoolattendance.court;

import static uk.schoolattendance.court.CourtProceedings.COURT_OUTCOME;
import static uk.schoolattendance.court.CourtProceedings.COURT_OUTCOME_SHOWN;
import static uk.schoolattendance.court.CourtProceedings.PARENTING_ORDER_ENDS_ON;
import static uk.schoolattendance.court.CourtProceedings.PARENTING_ORDER_MADE;
import static uk.schoolattendance.court.CourtProceedings.SUPERVISION_ORDER_DECISION_DUE;
import static uk.schoolattendance.court.CourtProceedings.SUPERVISION_ORDER_DECISION_DUE_SHOWN;
import static uk.schoolattendance.court.CourtProceedings.SUPERVISION_ORDER_DIRECTED;
import static uk.schoolattendance.court.CourtProceedings.COSTS_AWARDED;
import static uk.schoolattendance.court.CourtProceedings.FINE_AMOUNT;
import static uk.schoolattendance.court.CourtProceedings.HEARING_ADJOURNED;
import static uk.schoolattendance.court.CourtProceedings.HEARING_DATE;
import static uk.schoolattendance.court.CourtProceedings.NEW_HEARING_DATE;
import static uk.schoolattendance.court.CourtProceedings.OFFENCE_SECTION;
import static uk.schoolattendance.court.CourtProceedings.ORDER_ENDS_ON;
import static uk.schoolattendance.court.CourtProceedings.ORDER_MONTHS;
import static uk.schoolattendance.court.CourtProceedings.OUTCOME_DUE_DATE;
import static uk.schoolattendance.court.CourtProceedings.PARENTING_ORDER_MONTHS;
import static uk.schoolattendance.court.CourtProceedings.PARENTING_PROGRAMME_MONTHS;
import static uk.schoolattendance.court.CourtProceedings.PROCEEDINGS_TYPE;
import static uk.schoolattendance.court.CourtProceedings.SUPERVISION_ORDER_MONTHS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Checks the completion of "Record the court outcome": {@code courtOutcome} from the contract's list (an
 * application for an education supervision order can only end in the order, dismissal or
 * withdrawal), a fine within the statutory maximum of the section, a parenting order of at most
 * 12 months with a programme of at most 3, an education supervision order of one year (Children Act
 * 1989 Sch 3 para 15(1)); the order's end is worked out. In a prosecution the outcome
 * {@code education-supervision-order} is the court's direction to the authority to consider applying
 * for one (Education Act 1996 s447(2)): a magistrates' court trying s444 cannot make the order. When the court adjourned ({@code hearingAdjourned}),
 * only a new hearing date after the adjourned one and ahead is needed (no fine, no costs). "Record adjournment" or "Record court outcome"
 * then write it to the court record.
 */
@Component("courtOutcomeValid")
public class CourtOutcomeValid implements TaskListener {

  private final SchoolCalendar dates;
  private final CourtProperties properties;
  private final CourtProceedingsRepository proceedings;

  public CourtOutcomeValid(SchoolCalendar dates, CourtProperties properties, CourtProceedingsRepository proceedings) {
    this.dates = dates;
    this.properties = properties;
    this.proceedings = proceedings;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      offer(task);
      return;
    }
    if (Boolean.TRUE.equals(Inputs.yesNo(task, HEARING_ADJOURNED, false))) {
      adjourn(task);
      return;
    }
    HEARING_ADJOURNED.set(task, false);
    boolean prosecution = CourtProceedings.PROSECUTION.equals(PROCEEDINGS_TYPE.get(task));
    String outcome = outcome(task);
    LocalDate hearing = Inputs.requiredDay(task, HEARING_DATE, dates.properties().zone());
    Integer months = null;
    BigDecimal fine = null;
    boolean withParentingOrder = Boolean.TRUE.equals(Inputs.yesNo(task, PARENTING_ORDER_MADE, false));
    if (withParentingOrder && !CourtProceedings.FINE.equals(outcome) && !CourtProceedings.CONDITIONAL_DISCHARGE.equals(outcome)) {
      throw new InvalidInputException(
          PARENTING_ORDER_MADE.name(),
          "a parenting order with another sentence follows a conviction: a fine or a conditional discharge"
              + " (a parenting order alone is the outcome parenting-order)");
    }
    switch (outcome) {
      case CourtProceedings.FINE -> {
        fine = Inputs.requiredPounds(task, FINE_AMOUNT);
        String section = OFFENCE_SECTION.get(task);
        BigDecimal max = CourtProceedings.S444_1A.equals(section) ? properties.maxFineS444A() : properties.maxFineS444();
        if (fine.compareTo(max) > 0) {
          throw new InvalidInputException(FINE_AMOUNT.name(), "must not exceed £" + max.toPlainString() + " for " + section);
        }
      }
      case CourtProceedings.PARENTING_ORDER -> withParentingOrder = true;
      case CourtProceedings.EDUCATION_SUPERVISION_ORDER -> {
        if (!prosecution) {
          months = supervisionOrderMonths(task);
        }
      }
      default -> { }
    }
    Integer parentingMonths = null;
    Integer programmeMonths = null;
    if (withParentingOrder) {
      parentingMonths = months(task, PARENTING_ORDER_MONTHS, null, properties.parentingOrderMaxMonths());
      programmeMonths = months(task, PARENTING_PROGRAMME_MONTHS, 0, properties.parentingProgrammeMaxMonths());
      months = months == null ? parentingMonths : months;
    }
    PARENTING_ORDER_MADE.set(task, withParentingOrder);
    PARENTING_ORDER_ENDS_ON.set(task, parentingMonths == null ? null : hearing.plusMonths(parentingMonths));
    ORDER_MONTHS.set(task, months);
    boolean supervisionOrder = !prosecution && CourtProceedings.EDUCATION_SUPERVISION_ORDER.equals(outcome);
    // Children Act 1989 Sch 3 para 15(1): one year beginning with the day the order is made
    ORDER_ENDS_ON.set(task, months == null ? null
        : supervisionOrder ? hearing.plusMonths(months).minusDays(1) : hearing.plusMonths(months));
    // in a prosecution the court cannot make the order; the outcome of that name is its direction to
    // the authority to consider applying for one (Education Act 1996 s447(2))
    boolean directed = prosecution && CourtProceedings.EDUCATION_SUPERVISION_ORDER.equals(outcome)
        || Boolean.TRUE.equals(Inputs.yesNo(task, SUPERVISION_ORDER_DIRECTED, false));
    if (directed && !prosecution) {
      throw new InvalidInputException(
          SUPERVISION_ORDER_DIRECTED.name(), "a direction under s447 is given in a prosecution under s444, not on an application");
    }
    SUPERVISION_ORDER_DIRECTED.set(task, directed);
    if (directed) {
      // Education Act 1996 s447: 8 weeks from the direction, calendar days
      Days.set(task, SUPERVISION_ORDER_DECISION_DUE, SUPERVISION_ORDER_DECISION_DUE_SHOWN,
          hearing.plusWeeks(properties.supervisionOrderDirectionWeeks()));
    }
    BigDecimal costs = costs(task, prosecution, outcome);
    COURT_OUTCOME_SHOWN.set(task,
        shown(properties.outcomesOf(PROCEEDINGS_TYPE.get(task)), outcome, fine, costs, parentingMonths, programmeMonths,
            directed && !(prosecution && CourtProceedings.EDUCATION_SUPERVISION_ORDER.equals(outcome))));
  }

  /**
   * The prosecutor's costs awarded to the authority on a conviction (Prosecution of Offences Act 1985
   * s18): pounds and pence, 0 when the court awarded none; optional (an earlier form did not ask), and
   * refused with any other outcome: an acquitted parent is not ordered to pay the prosecutor.
   */
  private BigDecimal costs(DelegateTask task, boolean prosecution, String outcome) {
    Object raw = COSTS_AWARDED.raw(task);
    if (raw == null || raw instanceof String blank && blank.isBlank()) {
      COSTS_AWARDED.set(task, null);
      return null;
    }
    if (!(raw instanceof Number number)) {
      throw new InvalidInputException(COSTS_AWARDED.name(), "must be a number: an amount in pounds, e.g. 150.00, 0 when the court awarded none");
    }
    BigDecimal value = raw instanceof Double || raw instanceof Float
        ? new BigDecimal(Double.toString(number.doubleValue())) : new BigDecimal(number.toString());
    if (value.signum() < 0) {
      throw new InvalidInputException(COSTS_AWARDED.name(), "must not be negative: an amount in pounds, 0 when the court awarded none");
    }
    BigDecimal costs = value.signum() == 0 ? BigDecimal.ZERO.setScale(2) : Inputs.pounds(COSTS_AWARDED.name(), raw);
    if (costs.compareTo(properties.maxCostsAwarded()) > 0) {
      throw new InvalidInputException(COSTS_AWARDED.name(), "must not exceed £" + properties.maxCostsAwarded().toPlainString()
          + " (attendance.court.max-costs-awarded)");
    }
    if (!prosecution || !CONVICTIONS.contains(outcome)) {
      throw new InvalidInputException(COSTS_AWARDED.name(),
          "costs to the authority are awarded on a conviction (a fine, a conditional discharge or a parenting order), not with "
              + (prosecution ? "this outcome" : "an application for an education supervision order"));
    }
    COSTS_AWARDED.set(task, costs);
    return costs;
  }

  private static final java.util.List<String> CONVICTIONS =
      java.util.List.of(CourtProceedings.FINE, CourtProceedings.CONDITIONAL_DISCHARGE, CourtProceedings.PARENTING_ORDER);

  /**
   * What the form offers (task-local {@code courtOutcomeChoices}): only the outcomes these
   * proceedings can have, in the configured words; an application for an education supervision
   * order is never offered a fine.
   */
  private void offer(DelegateTask task) {
    ArrayNode choices = Json.newList();
    properties.outcomesOf(PROCEEDINGS_TYPE.get(task))
        .forEach((code, words) -> choices.addObject().put("label", words).put("value", code));
    CourtProceedings.COURT_OUTCOME_CHOICES.setLocal(task, choices);
  }

  /** The outcome given, one of those these proceedings can have; refused in their words otherwise. */
  private String outcome(DelegateTask task) {
    Map<String, String> allowed = properties.outcomesOf(PROCEEDINGS_TYPE.get(task));
    Object raw = COURT_OUTCOME.raw(task);
    if (raw instanceof String code && allowed.containsKey(code)) {
      COURT_OUTCOME.set(task, code);
      return code;
    }
    String shown = allowed.entrySet().stream()
        .map(entry -> "\"" + entry.getValue() + "\" (" + entry.getKey() + ")").collect(Collectors.joining(", "));
    throw new InvalidInputException(
        COURT_OUTCOME.name(),
        (raw == null || raw.toString().isBlank() ? "is required" : "'" + raw + "' is not an outcome of "
            + (CourtProceedings.PROSECUTION.equals(PROCEEDINGS_TYPE.get(task)) ? "a prosecution" : "this application"))
            + ": choose one of " + shown);
  }

  /**
   * An education supervision order lasts one year beginning with the day it is made (Children Act
   * 1989 Sch 3 para 15(1)); an extension (para 15(2)-(5)) is a later application, not recorded
   * here. A completion may give the months (an earlier form asked for them): only 12.
   */
  private static int supervisionOrderMonths(DelegateTask task) {
    Integer months = Inputs.optionalWholeNumber(task, SUPERVISION_ORDER_MONTHS, 0, Integer.MAX_VALUE);
    if (months != null && months != ONE_YEAR) {
      throw new InvalidInputException(SUPERVISION_ORDER_MONTHS.name(),
          "an education supervision order lasts one year from the day it is made (Children Act 1989 Sch 3"
              + " para 15(1)): give 12 or leave it empty; an extension is applied for separately");
    }
    SUPERVISION_ORDER_MONTHS.set(task, ONE_YEAR);
    return ONE_YEAR;
  }

  private static final int ONE_YEAR = 12;

  /**
   * Everything the court decided, in the configured words of {@code attendance.court.outcomes} (so a
   * council's wording shows), read within a sentence: "fine of £200.00, costs of £150.00 to the local
   * authority and parenting order of 12 months (parenting programme 3 months)"; a s447 direction
   * follows after "; ".
   */
  static String shown(Map<String, String> words, String outcome, BigDecimal fine, BigDecimal costs, Integer parentingMonths,
      Integer programmeMonths, boolean directed) {
    StringBuilder text = new StringBuilder(inSentence(words.getOrDefault(outcome, outcome.replace('-', ' '))));
    if (fine != null) {
      text.append(" of £").append(fine.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
    }
    boolean alsoOrdered = parentingMonths != null && !CourtProceedings.PARENTING_ORDER.equals(outcome);
    if (parentingMonths != null && CourtProceedings.PARENTING_ORDER.equals(outcome)) {
      text.append(" of ").append(months(parentingMonths, programmeMonths));
    }
    if (costs != null) {
      text.append(alsoOrdered ? ", " : " and ").append(costs.signum() == 0 ? "no costs to the local authority"
          : "costs of £" + costs.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString() + " to the local authority");
    }
    if (alsoOrdered) {
      text.append(" and ")
          .append(inSentence(words.getOrDefault(CourtProceedings.PARENTING_ORDER, "parenting order")))
          .append(" of ").append(months(parentingMonths, programmeMonths));
    }
    if (directed) {
      text.append("; ").append(inSentence(words.getOrDefault(CourtProceedings.EDUCATION_SUPERVISION_ORDER,
          "direction to consider an education supervision order (Education Act 1996 s447(2))")));
    }
    return text.toString();
  }

  private static String months(int parentingMonths, Integer programmeMonths) {
    String text = parentingMonths + (parentingMonths == 1 ? " month" : " months");
    if (programmeMonths != null && programmeMonths > 0) {
      text += " (parenting programme " + programmeMonths + (programmeMonths == 1 ? " month)" : " months)");
    }
    return text;
  }

  /** Configured words within a sentence: "Fine" reads "fine"; a word in capitals ("ESO made") is kept. */
  static String inSentence(String words) {
    String text = words.strip();
    if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && !Character.isUpperCase(text.charAt(1))) {
      return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
    return text;
  }

  /**
   * The court adjourned: a new hearing date after the hearing it adjourns (whatever today is) and
   * ahead, no outcome yet. The form asks for {@code newHearingDate}, empty; a completion of the
   * earlier form (or through the REST API) may send the new {@code hearingDate} itself: the hearing
   * it adjourns is then the court record's.
   */
  private void adjourn(DelegateTask task) {
    // an adjourned hearing has no sentence yet: a fine or costs sent with it would be kept and read
    // by the outcome's completion as if given then
    for (ProcessVariable<BigDecimal> amount : List.of(FINE_AMOUNT, COSTS_AWARDED)) {
      Object raw = amount.raw(task);
      if (raw != null && !(raw instanceof String blank && blank.isBlank())) {
        throw new InvalidInputException(amount.name(), "is given with the court's outcome, not with an adjournment: leave it empty");
      }
    }
    LocalDate adjourned = proceedings.find(task.getProcessInstanceId())
        .map(CourtProceedingsRecord::hearingDate).orElse(null);
    LocalDate hearing;
    String field;
    if (NEW_HEARING_DATE.raw(task) != null) {
      field = NEW_HEARING_DATE.name();
      hearing = Inputs.requiredDay(task, NEW_HEARING_DATE, dates.properties().zone());
      adjourned = adjourned == null ? HEARING_DATE.get(task) : adjourned;
    } else {
      field = HEARING_DATE.name();
      hearing = Inputs.requiredDay(task, HEARING_DATE, dates.properties().zone());
    }
    if (adjourned != null && !hearing.isAfter(adjourned)) {
      throw new InvalidInputException(
          field, "the new hearing date must be after the adjourned hearing (" + Days.shown(adjourned) + ")");
    }
    if (!hearing.isAfter(dates.today())) {
      throw new InvalidInputException(field, "the adjourned hearing's new date must be after today");
    }
    HEARING_DATE.set(task, hearing);
    if (task.hasVariable(NEW_HEARING_DATE.name())) {
      task.removeVariable(NEW_HEARING_DATE.name());
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
