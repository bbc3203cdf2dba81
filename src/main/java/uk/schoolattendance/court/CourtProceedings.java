package uk.schoolattendance.court;

import static uk.schoolattendance.process.ProcessVariable.bool;
import static uk.schoolattendance.process.ProcessVariable.date;
import static uk.schoolattendance.process.ProcessVariable.day;
import static uk.schoolattendance.process.ProcessVariable.integer;
import static uk.schoolattendance.process.ProcessVariable.money;
import static uk.schoolattendance.process.ProcessVariable.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.process.UserTaskContract;

/**
 * The contract of {@code CourtProceedings} (bpmn/CourtProceedings.bpmn, docs/adr/0002): Level 5,
 * a prosecution under s444(1) or s444(1A) or an application for an education supervision order,
 * from the case file to the outcome reported to the school.
 */
@Component
public final class CourtProceedings implements ProcessContract {

  public static final String KEY = "CourtProceedings";

  // ---------------------------------------------------------------- inputs

  public static final ProcessVariable<String> CASE_REFERENCE = CaseFacts.CASE_REFERENCE;
  public static final ProcessVariable<String> PUPIL_UPN = CaseFacts.PUPIL_UPN;
  public static final ProcessVariable<String> PUPIL_NAME = CaseFacts.PUPIL_NAME;
  /** Given by the case: the notice or prosecution is refused outside compulsory school age (EA 1996 s8). */
  public static final ProcessVariable<java.time.LocalDate> PUPIL_DATE_OF_BIRTH = CaseFacts.PUPIL_DATE_OF_BIRTH;
  public static final ProcessVariable<String> SCHOOL_URN = CaseFacts.SCHOOL_URN;
  public static final ProcessVariable<JsonNode> PARENTS = CaseFacts.PARENTS;
  public static final ProcessVariable<String> PARENT_ID = CaseFacts.PARENT_ID;
  public static final ProcessVariable<String> PARENT_NAME = CaseFacts.PARENT_NAME;
  public static final ProcessVariable<String> PARENT_ADDRESS = CaseFacts.PARENT_ADDRESS;
  /** {@link #TYPES}. */
  public static final ProcessVariable<String> PROCEEDINGS_TYPE = CaseFacts.PROCEEDINGS_TYPE;
  public static final ProcessVariable<String> NOTICE_NUMBER = CaseFacts.NOTICE_NUMBER;
  public static final ProcessVariable<LocalDate> OFFENCE_FROM = CaseFacts.OFFENCE_FROM;
  public static final ProcessVariable<LocalDate> OFFENCE_TO = CaseFacts.OFFENCE_TO;
  public static final ProcessVariable<String> OFFENCE_PERIOD_SHOWN = CaseFacts.OFFENCE_PERIOD_SHOWN;
  public static final ProcessVariable<Integer> UNAUTHORISED_SESSIONS = CaseFacts.UNAUTHORISED_SESSIONS;
  public static final ProcessVariable<LocalDate> INFORMATION_DEADLINE = CaseFacts.INFORMATION_DEADLINE;
  public static final ProcessVariable<String> INFORMATION_DEADLINE_SHOWN = CaseFacts.INFORMATION_DEADLINE_SHOWN;
  public static final String PROSECUTION = "prosecution";
  public static final String EDUCATION_SUPERVISION_ORDER = "education-supervision-order";
  public static final List<String> TYPES = List.of(PROSECUTION, EDUCATION_SUPERVISION_ORDER);
  /** The proceedings as the forms show them: "Prosecution (Education Act 1996 s444)". */
  public static final ProcessVariable<String> PROCEEDINGS_TYPE_SHOWN = text("proceedingsTypeShown");

  // ---------------------------------------------------------------- the case file

  public static final ProcessVariable<String> PARENT_IDS = text("parentIds");
  public static final ProcessVariable<String> PARENT_NAMES = text("parentNames");
  public static final ProcessVariable<Date> PREPARATION_DUE_DATE = date("preparationDueDate");
  public static final ProcessVariable<String> CHRONOLOGY = text("chronology");
  public static final ProcessVariable<String> EVIDENCE_LIST = text("evidenceList");
  public static final ProcessVariable<String> WITNESS_STATEMENT = text("witnessStatement");
  /**
   * The registration certificate of the offence period attached to the case file (issue #15): the
   * id of the stored document ({@code DOC-…}, {@code GET /api/pupils/{upn}/documents/{id}}) and its
   * title as the evidence list names it; unset when the register holds no marks for the pupil.
   */
  public static final ProcessVariable<String> REGISTRATION_CERTIFICATE_ID = text("registrationCertificateId");
  public static final ProcessVariable<String> REGISTRATION_CERTIFICATE_TITLE = text("registrationCertificateTitle");

  // ---------------------------------------------------------------- decisions in user tasks

  /** The hearing: a calendar day; its timer falls due at the calendar's time of day. */
  public static final ProcessVariable<LocalDate> HEARING_DATE = day("hearingDate");
  public static final ProcessVariable<String> HEARING_DATE_SHOWN = text("hearingDateShown");
  /** {@link #SECTIONS}. */
  public static final ProcessVariable<String> OFFENCE_SECTION = text("offenceSection");
  public static final ProcessVariable<Boolean> SUPERVISION_ORDER_CONSIDERED = bool("supervisionOrderConsidered");
  public static final ProcessVariable<LocalDate> INFORMATION_LAID_ON = day("informationLaidOn");
  public static final ProcessVariable<Boolean> CHILD_LOOKED_AFTER = CaseFacts.CHILD_LOOKED_AFTER;
  public static final String S444_1 = "s444-1";
  public static final String S444_1A = "s444-1A";
  public static final List<String> SECTIONS = List.of(S444_1, S444_1A);
  /** The offence as the forms show it: "s444(1): failure to secure regular attendance". */
  public static final ProcessVariable<String> OFFENCE_SECTION_SHOWN = text("offenceSectionShown");

  /**
   * An education supervision order is made by the family court on the authority's application under
   * Children Act 1989 s36 (family proceedings); Education Act 1996 s447 is only the authority's duty to
   * consider one before prosecuting and the criminal court's power to direct it to.
   */
  static final String SUPERVISION_ORDER_APPLICATION_SHOWN =
      "Education supervision order (Children Act 1989 s36)";

  /** A type of proceedings in words (null for none). */
  public static String proceedingsShown(String type) {
    if (type == null) {
      return null;
    }
    return PROSECUTION.equals(type) ? "Prosecution (Education Act 1996 s444)"
        : EDUCATION_SUPERVISION_ORDER.equals(type) ? SUPERVISION_ORDER_APPLICATION_SHOWN : type;
  }

  /** An offence section in words (null for none). */
  public static String sectionShown(String section) {
    if (section == null) {
      return null;
    }
    return S444_1.equals(section) ? "s444(1): failure to secure regular attendance"
        : S444_1A.equals(section) ? "s444(1A): the parent knew and failed to act" : section;
  }

  public static final ProcessVariable<LocalDate> INTERVIEW_DATE = day("interviewDate");
  public static final ProcessVariable<String> INTERVIEW_RECORD_REFERENCE = text("interviewRecordReference");
  /** Whether the parent was interviewed under caution (false: the parent declined or did not attend). */
  public static final ProcessVariable<Boolean> INTERVIEW_HELD = bool("interviewHeld");
  public static final ProcessVariable<String> INTERVIEW_NOT_HELD_REASON = text("interviewNotHeldReason");

  public static final ProcessVariable<Boolean> HEARING_ADJOURNED = bool("hearingAdjourned");
  /** The adjourned hearing's new date, entered empty (not the hearing it adjourns); it becomes {@code hearingDate}. */
  public static final ProcessVariable<LocalDate> NEW_HEARING_DATE = day("newHearingDate");
  /** {@link #PROSECUTION_OUTCOMES} or {@link #SUPERVISION_OUTCOMES}. */
  public static final ProcessVariable<String> COURT_OUTCOME = CaseFacts.COURT_OUTCOME;
  /**
   * What "Record court outcome" offers (task-local, {@code [{label, value}]}): the outcomes these
   * proceedings can have, in the words of {@code attendance.court.outcomes}.
   */
  public static final ProcessVariable<JsonNode> COURT_OUTCOME_CHOICES = ProcessVariable.json("courtOutcomeChoices");
  public static final ProcessVariable<BigDecimal> FINE_AMOUNT = money("fineAmount");
  /**
   * The prosecutor's costs the court ordered the convicted parent to pay the authority (Prosecution of
   * Offences Act 1985 s18), in pounds, 0 when none: recorded with a conviction (a fine, a conditional
   * discharge or a parenting order); empty when not recorded (an earlier form did not ask).
   */
  public static final ProcessVariable<BigDecimal> COSTS_AWARDED = money("costsAwarded");
  public static final ProcessVariable<Integer> PARENTING_ORDER_MONTHS = integer("parentingOrderMonths");
  public static final ProcessVariable<Integer> PARENTING_PROGRAMME_MONTHS = integer("parentingProgrammeMonths");
  public static final ProcessVariable<Integer> SUPERVISION_ORDER_MONTHS = integer("supervisionOrderMonths");
  /** The timer the proceedings wait on until the hearing. */
  public static final String HEARING_DATE_REACHED = "Event_HearingDateReached";
  public static final String FINE = "fine";
  public static final String CONDITIONAL_DISCHARGE = "conditional-discharge";
  public static final String PARENTING_ORDER = "parenting-order";
  public static final List<String> PROSECUTION_OUTCOMES =
      List.of(FINE, CONDITIONAL_DISCHARGE, PARENTING_ORDER, EDUCATION_SUPERVISION_ORDER, "dismissed", "withdrawn");
  public static final List<String> SUPERVISION_OUTCOMES = List.of(EDUCATION_SUPERVISION_ORDER, "dismissed", "withdrawn");

  /**
   * A conviction (a fine or a conditional discharge) may bring a parenting order too (Crime and
   * Disorder Act 1998 s8(1)(d)): each is recorded; {@code parentingOrderMonths} and
   * {@code parentingProgrammeMonths} then apply. With {@link #PARENTING_ORDER} the order is the
   * whole outcome.
   */
  public static final ProcessVariable<Boolean> PARENTING_ORDER_MADE = bool("parentingOrderMade");
  public static final ProcessVariable<LocalDate> PARENTING_ORDER_ENDS_ON = day("parentingOrderEndsOn");
  /** The court directed the authority to consider an education supervision order (Education Act 1996 s447). */
  public static final ProcessVariable<Boolean> SUPERVISION_ORDER_DIRECTED = bool("supervisionOrderDirected");
  /** The last day of the 8 weeks to decide and, not applying, tell the court why (calendar day). */
  public static final ProcessVariable<LocalDate> SUPERVISION_ORDER_DECISION_DUE = day("supervisionOrderDecisionDue");
  public static final ProcessVariable<String> SUPERVISION_ORDER_DECISION_DUE_SHOWN = text("supervisionOrderDecisionDueShown");
  /** {@link #SUPERVISION_ORDER_DECISIONS}. */
  public static final ProcessVariable<String> SUPERVISION_ORDER_DECISION = text("supervisionOrderDecision");
  public static final ProcessVariable<String> SUPERVISION_ORDER_REASONS = text("supervisionOrderReasons");
  public static final String APPLY = "apply";
  public static final String NOT_APPLY = "not-apply";
  public static final List<String> SUPERVISION_ORDER_DECISIONS = List.of(APPLY, NOT_APPLY);
  /** Everything the court decided, in words: "fine of £200.00 and parenting order of 12 months". */
  public static final ProcessVariable<String> COURT_OUTCOME_SHOWN = text("courtOutcomeShown");
  /** The school read the outcome (its task, candidate group {@code school-{urn}}). */
  public static final ProcessVariable<Boolean> COURT_OUTCOME_ACKNOWLEDGED = bool("courtOutcomeAcknowledged");
  public static final ProcessVariable<String> SCHOOL_ACKNOWLEDGEMENT_NOTES = text("schoolAcknowledgementNotes");

  public static final ProcessVariable<Date> OUTCOME_DUE_DATE = date("outcomeDueDate");
  /** The months of the order the court made (parenting or education supervision order). */
  public static final ProcessVariable<Integer> ORDER_MONTHS = integer("orderMonths");
  public static final ProcessVariable<LocalDate> ORDER_ENDS_ON = day("orderEndsOn");
  public static final ProcessVariable<String> SCHOOL_REPORT = text("schoolReport");

  public static final UserTaskContract PREPARE_COURT_CASE =
      UserTaskContract.of(
          "Task_PrepareCourtCase",
          HEARING_DATE, OFFENCE_SECTION, SUPERVISION_ORDER_CONSIDERED, INFORMATION_LAID_ON, CHILD_LOOKED_AFTER);
  public static final UserTaskContract INTERVIEW_UNDER_CAUTION =
      UserTaskContract.of(
          "Task_InterviewUnderCaution", INTERVIEW_HELD, INTERVIEW_DATE, INTERVIEW_RECORD_REFERENCE, INTERVIEW_NOT_HELD_REASON);
  public static final UserTaskContract RECORD_COURT_OUTCOME =
      UserTaskContract.of(
          "Task_RecordCourtOutcome",
          HEARING_ADJOURNED, NEW_HEARING_DATE, HEARING_DATE, COURT_OUTCOME, FINE_AMOUNT, COSTS_AWARDED, PARENTING_ORDER_MADE,
          PARENTING_ORDER_MONTHS, PARENTING_PROGRAMME_MONTHS, SUPERVISION_ORDER_MONTHS, SUPERVISION_ORDER_DIRECTED);
  public static final UserTaskContract DECIDE_ON_SUPERVISION_ORDER =
      UserTaskContract.of("Task_DecideOnSupervisionOrder", SUPERVISION_ORDER_DECISION, SUPERVISION_ORDER_REASONS);
  public static final UserTaskContract ACKNOWLEDGE_COURT_OUTCOME =
      UserTaskContract.of("Task_AcknowledgeCourtOutcome", COURT_OUTCOME_ACKNOWLEDGED, SCHOOL_ACKNOWLEDGEMENT_NOTES);

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public List<UserTaskContract> userTasks() {
    return List.of(
        PREPARE_COURT_CASE, INTERVIEW_UNDER_CAUTION, RECORD_COURT_OUTCOME, DECIDE_ON_SUPERVISION_ORDER,
        ACKNOWLEDGE_COURT_OUTCOME);
  }

}
