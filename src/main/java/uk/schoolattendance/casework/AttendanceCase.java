package uk.schoolattendance.casework;

import static uk.schoolattendance.process.ProcessVariable.bool;
import static uk.schoolattendance.process.ProcessVariable.day;
import static uk.schoolattendance.process.ProcessVariable.integer;
import static uk.schoolattendance.process.ProcessVariable.json;
import static uk.schoolattendance.process.ProcessVariable.number;
import static uk.schoolattendance.process.ProcessVariable.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.MessageContract;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.process.UserTaskContract;

/**
 * The contract of {@code AttendanceCase} (bpmn/AttendanceCase.bpmn, shared/domain/contract.md,
 * docs/process.md): one pupil's escalation case, Levels 1–5. Every variable the case holds, with
 * its type; the start's variables; each user task with the variables its completion sets; the
 * messages with what they carry; the ids of the activities code refers to; the decisions it asks.
 */
@Component
public final class AttendanceCase implements ProcessContract {

  public static final String KEY = "AttendanceCase";

  // ---------------------------------------------------------------- started with (contract: "Starting an AttendanceCase")

  public static final ProcessVariable<String> CASE_REFERENCE = CaseFacts.CASE_REFERENCE;
  public static final ProcessVariable<String> PUPIL_UPN = CaseFacts.PUPIL_UPN;
  public static final ProcessVariable<String> PUPIL_NAME = CaseFacts.PUPIL_NAME;
  /** A calendar day (ISO text): compulsory school age is worked out from it (EA 1996 s8). */
  public static final ProcessVariable<LocalDate> PUPIL_DATE_OF_BIRTH = CaseFacts.PUPIL_DATE_OF_BIRTH;
  public static final ProcessVariable<String> SCHOOL_URN = CaseFacts.SCHOOL_URN;
  /** {@link #ROUTES}: {@code support-first} (default) or {@code term-time-leave}. */
  public static final ProcessVariable<String> ROUTE = text("route");
  /** 1–4, default 1. */
  public static final ProcessVariable<Integer> ENTRY_LEVEL = integer("entryLevel");
  public static final ProcessVariable<Double> ATTENDANCE_PERCENT = CaseFacts.ATTENDANCE_PERCENT;
  public static final ProcessVariable<Integer> UNAUTHORISED_SESSIONS = CaseFacts.UNAUTHORISED_SESSIONS;
  /** {@code marks} when the register holds the pupil's marks (the figures are then the register's), else {@code entered}. */
  public static final ProcessVariable<String> ATTENDANCE_SOURCE = CaseFacts.ATTENDANCE_SOURCE;
  public static final ProcessVariable<JsonNode> PARENTS = CaseFacts.PARENTS;
  /** A parent already had a Notice to Improve for a similar offence. */
  public static final ProcessVariable<Boolean> PREVIOUS_NOTICE_TO_IMPROVE = bool("previousNoticeToImprove");
  public static final ProcessVariable<String> SUPPORT_SO_FAR = CaseFacts.SUPPORT_SO_FAR;
  /** The start form's parent fields, turned into {@link #PARENTS} by the start. */
  public static final ProcessVariable<String> PARENT_1_NAME = text("parent1Name");
  public static final ProcessVariable<String> PARENT_1_ADDRESS = text("parent1Address");
  public static final ProcessVariable<String> PARENT_2_NAME = text("parent2Name");
  public static final ProcessVariable<String> PARENT_2_ADDRESS = text("parent2Address");
  /** The start form's relationship and responsibility of each parent (optional; {@code ParentStanding}). */
  public static final ProcessVariable<String> PARENT_1_RELATIONSHIP = text("parent1Relationship");
  public static final ProcessVariable<String> PARENT_1_PARENTAL_RESPONSIBILITY = text("parent1ParentalResponsibility");
  public static final ProcessVariable<String> PARENT_1_DAY_TO_DAY_CARE = text("parent1DayToDayCare");
  public static final ProcessVariable<String> PARENT_2_RELATIONSHIP = text("parent2Relationship");
  public static final ProcessVariable<String> PARENT_2_PARENTAL_RESPONSIBILITY = text("parent2ParentalResponsibility");
  public static final ProcessVariable<String> PARENT_2_DAY_TO_DAY_CARE = text("parent2DayToDayCare");

  public static final String SUPPORT_FIRST = "support-first";
  public static final String TERM_TIME_LEAVE = "term-time-leave";
  public static final List<String> ROUTES = List.of(SUPPORT_FIRST, TERM_TIME_LEAVE);

  // ---------------------------------------------------------------- where the case stands (docs/process.md)

  /** 1–5. */
  public static final ProcessVariable<Integer> LEVEL = integer("level");
  /** The DfE stage, {@link Stage}. */
  public static final ProcessVariable<String> STAGE = text("stage");
  /** A Json list of {@code {date, level, stage, event, by, reason}}. */
  public static final ProcessVariable<JsonNode> HISTORY = json("history");
  /** {@code not-persistent}, {@code persistent}, {@code severe}, {@code chronic}: decision AttendanceBand. */
  public static final ProcessVariable<String> ATTENDANCE_BAND = text("attendanceBand");

  // ---------------------------------------------------------------- decisions in user tasks

  public static final ProcessVariable<String> SCHOOL_INTERVENTION_OUTCOME = text("schoolInterventionOutcome");
  public static final ProcessVariable<String> SCHOOL_INTERVENTION_NOTES = text("schoolInterventionNotes");
  /**
   * The school's third outcome at Level 1 (AttendanceCase 1.7): the case is no longer needed for a
   * reason other than improved attendance (the pupil left the school or moved away, is home
   * educated, the absences are authorised illness, a duplicate case, the pupil died). It closes the
   * case as {@link #NO_LONGER_NEEDED_OUTCOME}, never as improved.
   */
  public static final String NO_LONGER_NEEDED = "no-longer-needed";
  public static final List<String> SCHOOL_OUTCOMES = List.of("improved", "refer-to-la", NO_LONGER_NEEDED);
  /** Why the case is no longer needed: a key of {@code attendance.case.no-longer-needed-reasons}. */
  public static final ProcessVariable<String> NO_LONGER_NEEDED_REASON = text("noLongerNeededReason");
  /** The school's own account of why the case is no longer needed (required with {@link #NO_LONGER_NEEDED}). */
  public static final ProcessVariable<String> NO_LONGER_NEEDED_EXPLANATION = text("noLongerNeededExplanation");
  /**
   * What the Level 1 form says of the register's figures when the school's intervention began and
   * today, task-local, for a case with marks ({@link SchoolInterventionFigures}).
   */
  public static final ProcessVariable<String> INTERVENTION_FIGURES_SHOWN = text("interventionFiguresShown");

  public static final ProcessVariable<Double> ATTENDANCE_TARGET = number("attendanceTarget");
  public static final ProcessVariable<LocalDate> REVIEW_DATE = day("reviewDate");
  public static final ProcessVariable<String> BARRIERS = text("barriers");
  public static final ProcessVariable<String> ATTENDANCE_PLAN = text("attendancePlan");

  public static final ProcessVariable<Double> CURRENT_ATTENDANCE_PERCENT = number("currentAttendancePercent");
  public static final ProcessVariable<String> REVIEW_NOTES = text("reviewNotes");

  public static final ProcessVariable<Boolean> EARLY_HELP_CONSENT = bool("earlyHelpConsent");
  public static final ProcessVariable<Boolean> EARLY_HELP_ASSESSMENT = bool("earlyHelpAssessment");
  public static final ProcessVariable<String> CASEWORK_OUTCOME = text("caseworkOutcome");
  public static final ProcessVariable<String> AGENCIES_INVOLVED = text("agenciesInvolved");
  public static final ProcessVariable<String> CASEWORK_NOTES = text("caseworkNotes");
  public static final List<String> CASEWORK_OUTCOMES = List.of("improved", "formalise");

  public static final ProcessVariable<Boolean> CONTRACT_AGREED = CaseFacts.CONTRACT_AGREED;
  public static final ProcessVariable<LocalDate> CONTRACT_REVIEW_DATE = day("contractReviewDate");
  public static final ProcessVariable<String> NO_CONTRACT_REASON = CaseFacts.NO_CONTRACT_REASON;
  /** Why a prosecution goes ahead with no Notice to Improve issued (recorded at the Pupil Planning Meeting). */
  public static final ProcessVariable<String> NO_NOTICE_TO_IMPROVE_REASON = CaseFacts.NO_NOTICE_TO_IMPROVE_REASON;
  public static final ProcessVariable<JsonNode> NO_NOTICE_TO_IMPROVE_REASONS = CaseFacts.NO_NOTICE_TO_IMPROVE_REASONS;

  public static final ProcessVariable<String> CONTRACT_OUTCOME = text("contractOutcome");
  /** Required when the case turns to formal action here; printed on the Notice to Improve. */
  public static final ProcessVariable<String> SUFFICIENT_IMPROVEMENT = CaseFacts.SUFFICIENT_IMPROVEMENT;
  /** Optional at the start, correctable: the child's address for a penalty notice when the register has none. */
  public static final ProcessVariable<String> PUPIL_ADDRESS = CaseFacts.PUPIL_ADDRESS;
  public static final ProcessVariable<String> CONTRACT_REVIEW_NOTES = text("contractReviewNotes");
  public static final List<String> CONTRACT_OUTCOMES = List.of("improved", "not-improved");

  public static final ProcessVariable<String> LEGAL_ROUTE = text("legalRoute");
  public static final ProcessVariable<String> LEGAL_ROUTE_REASON = text("legalRouteReason");
  public static final ProcessVariable<Boolean> LATE_ARRIVAL = bool("lateArrival");
  /** Asked when the meeting chooses an education supervision order: none for a child in care (CA 1989 s36(6)). */
  public static final ProcessVariable<Boolean> CHILD_LOOKED_AFTER = CaseFacts.CHILD_LOOKED_AFTER;
  public static final ProcessVariable<LocalDate> OFFENCE_FROM = CaseFacts.OFFENCE_FROM;
  public static final ProcessVariable<LocalDate> OFFENCE_TO = CaseFacts.OFFENCE_TO;
  /**
   * A penalty notice for a pupil the register holds no marks for: the officer confirms the
   * school's register printout for the offence period and the unauthorised sessions (G, N, O, U)
   * it shows, so the national threshold is established from evidence (docs/penalty-notices.md,
   * "The national threshold at the Pupil Planning Meeting").
   */
  public static final ProcessVariable<Boolean> THRESHOLD_EVIDENCE_CONFIRMED = CaseFacts.THRESHOLD_EVIDENCE_CONFIRMED;
  public static final ProcessVariable<Integer> THRESHOLD_EVIDENCE_SESSIONS = CaseFacts.THRESHOLD_EVIDENCE_SESSIONS;
  /**
   * What the register proposed when the Pupil Planning Meeting's task was created (issue #15),
   * task-local, for its form: whether a period was proposed, and for one the period, its
   * unauthorised sessions and school weeks. The proposed days themselves are written to
   * {@code offenceFrom}/{@code offenceTo} so the form's date fields show them filled in.
   */
  public static final ProcessVariable<Boolean> OFFENCE_PERIOD_PROPOSED = bool("offencePeriodProposed");
  public static final ProcessVariable<LocalDate> PROPOSED_OFFENCE_FROM = day("proposedOffenceFrom");
  public static final ProcessVariable<LocalDate> PROPOSED_OFFENCE_TO = day("proposedOffenceTo");
  public static final ProcessVariable<String> PROPOSED_OFFENCE_PERIOD_SHOWN = text("proposedOffencePeriodShown");
  public static final ProcessVariable<Integer> PROPOSED_OFFENCE_SESSIONS = integer("proposedOffenceSessions");
  public static final ProcessVariable<Integer> PROPOSED_OFFENCE_SCHOOL_WEEKS = integer("proposedOffenceSchoolWeeks");
  /**
   * Whether the register held marks for the pupil when the Pupil Planning Meeting's task was
   * created, task-local, for its form: with marks the marks establish the national threshold, so
   * the form hides the school's register printout.
   */
  public static final ProcessVariable<Boolean> REGISTER_HOLDS_MARKS = bool("registerHoldsMarks");
  /**
   * The register's attendance when a Level 2 review's task was created, task-local: for a pupil
   * with marks the review form proposes it as "Attendance now" and the register's figure decides
   * the review ({@link RegisterReviewFigures}).
   */
  public static final ProcessVariable<Double> REGISTER_ATTENDANCE_PERCENT = number("registerAttendancePercent");
  /** What the review form says of the register's figure, task-local, for a pupil with marks. */
  public static final ProcessVariable<String> REGISTER_FIGURES_SHOWN = text("registerFiguresShown");
  /**
   * The penalty notice's reason the register's marks give the offence period the Pupil Planning
   * Meeting decided ({@code holiday}, {@code late} or {@code other}); absent without marks. The
   * notices take it unless the case is a term-time leave case or the meeting said late arrival.
   */
  public static final ProcessVariable<String> NOTICE_REASON_FROM_MARKS = text("noticeReasonFromMarks");
  /** What the marks of the proposed period say of the notice's reason, task-local, for the meeting's form. */
  public static final ProcessVariable<String> PROPOSED_NOTICE_REASON_SHOWN = text("proposedNoticeReasonShown");
  /** The case's offence period before the proposal replaced it (a meeting after an earlier notice), task-local. */
  public static final ProcessVariable<LocalDate> EARLIER_OFFENCE_FROM = day("earlierOffenceFrom");
  public static final ProcessVariable<LocalDate> EARLIER_OFFENCE_TO = day("earlierOffenceTo");
  /**
   * A prosecution at the Pupil Planning Meeting: the ids of the case's parents left out of it (a
   * Json array; none, the default, prosecutes every parent). A parent whose withdrawn penalty notice
   * covers part of the offence period cannot be prosecuted for it (Education (Penalty Notices)
   * (England) Regulations 2007 reg 8), so the other parent is prosecuted alone.
   */
  public static final ProcessVariable<JsonNode> PARENTS_NOT_PROSECUTED = json("parentsNotProsecuted");
  /** The case's parents as the form's checklist offers them ({@code label}, {@code value}), task-local. */
  public static final ProcessVariable<JsonNode> PARENT_CHOICES = json("parentChoices");
  /**
   * The case's parents, one a line with their relationship to the child, parental responsibility
   * and day-to-day care ("Not recorded" for a parent without them), task-local: the Pupil Planning
   * Meeting chooses a penalty notice (one per liable parent) or a prosecution knowing who each is.
   */
  public static final ProcessVariable<String> PARENTS_SHOWN = text("parentsShown");
  /** The withdrawn notices to the case's parents for this child, in words, task-local (null: none). */
  public static final ProcessVariable<String> PROSECUTION_BARS_SHOWN = text("prosecutionBarsShown");
  /**
   * The case's parents added after its Notice to Improve was issued (or while it ran), in words,
   * on the case (null: none): they have not received it, and the code of conduct asks for a Notice
   * to Improve before a penalty notice for absence other than leave (docs/penalty-notices.md).
   * Kept by {@link CaseCorrections} whenever the case's parents change, and cleared when a later Notice to
   * Improve is issued to them all ({@link CasePathway#record}).
   */
  public static final ProcessVariable<String> PARENTS_WITHOUT_NOTICE_TO_IMPROVE_SHOWN =
      text("parentsWithoutNoticeToImproveShown");
  /**
   * The parents the court proceedings are against, set by the Pupil Planning Meeting: every parent
   * of the case, less those left out of a prosecution ({@link #PARENTS_NOT_PROSECUTED}).
   */
  public static final ProcessVariable<JsonNode> COURT_PARENTS = json("courtParents");
  public static final String PENALTY_NOTICE = "penalty-notice";
  public static final String PROSECUTION = "prosecution";
  public static final String EDUCATION_SUPERVISION_ORDER = "education-supervision-order";
  public static final String FURTHER_SUPPORT = "further-support";
  public static final List<String> LEGAL_ROUTES = List.of(PENALTY_NOTICE, PROSECUTION, EDUCATION_SUPERVISION_ORDER, FURTHER_SUPPORT);

  // ---------------------------------------------------------------- the case's own bookkeeping

  /** The outcome of the support part: {@code improved}, {@code further-support}, {@code legal-route}. */
  public static final ProcessVariable<String> SUPPORT_OUTCOME = text("supportOutcome");
  public static final ProcessVariable<Boolean> THRESHOLD_MET = bool("thresholdMet");
  /** Decision ReviewOutcome: {@code target-met}, {@code some-progress}, {@code no-progress}. */
  public static final ProcessVariable<String> REVIEW_OUTCOME = text("reviewOutcome");
  public static final ProcessVariable<Integer> REVIEW_COUNT = integer("reviewCount");
  public static final ProcessVariable<Double> REVIEW_START_PERCENT = number("reviewStartPercent");
  /**
   * The day of the next review (its timer falls due at the calendar's time of day) and, when it was
   * counted in school weeks from the day it was set, how many ({@link SchoolWeekTimers}).
   */
  public static final ProcessVariable<LocalDate> REVIEW_DUE_DATE = day("reviewDueDate");
  public static final ProcessVariable<Integer> REVIEW_WEEKS = integer("reviewWeeks");
  public static final ProcessVariable<LocalDate> CONTRACT_REVIEW_DUE_DATE = day("contractReviewDueDate");
  public static final ProcessVariable<Integer> CONTRACT_REVIEW_WEEKS = integer("contractReviewWeeks");
  public static final ProcessVariable<Boolean> IMPROVEMENT_SUFFICIENT = CaseFacts.IMPROVEMENT_SUFFICIENT;
  public static final ProcessVariable<LocalDate> NOTICE_TO_IMPROVE_ISSUED_ON = CaseFacts.NOTICE_TO_IMPROVE_ISSUED_ON;
  public static final ProcessVariable<LocalDate> NOTICE_TO_IMPROVE_ENDS_ON = CaseFacts.NOTICE_TO_IMPROVE_ENDS_ON;
  public static final ProcessVariable<String> NOTICE_REASON = CaseFacts.NOTICE_REASON;
  /** The element variable of the penalty notices' multi-instance: one entry of {@link #PARENTS}. */
  public static final ProcessVariable<JsonNode> PARENT = json("parent");
  public static final ProcessVariable<String> NOTICE_NUMBER = CaseFacts.NOTICE_NUMBER;
  public static final ProcessVariable<String> NOTICE_OUTCOME = CaseFacts.NOTICE_OUTCOME;
  /** A Json list of {@code {noticeNumber, parentId, noticeOutcome}}, one per notice. */
  public static final ProcessVariable<JsonNode> NOTICE_OUTCOMES = json("noticeOutcomes");
  /**
   * Set by "Record penalty notice outcomes" after each round: the case goes back to Level 3 instead
   * of concluding (the gateway "Another route needed?" reads it). Two reasons set it: a parent at
   * the limit of penalty notices was sent to another route, or a notice was paid while attendance is
   * below the case's target and the council keeps the national default ({@link PaidNoticeTarget}:
   * support continues); the case's history says which. Only the first is read elsewhere
   * ({@link AfterWithdrawalDecided}, after a round with a withdrawal, where the second never
   * applies). One variable for both so cases already running on an earlier version of the model
   * route the same way; the next round sets it again.
   */
  public static final ProcessVariable<Boolean> ANOTHER_ROUTE_NEEDED = bool("anotherRouteNeeded");
  /**
   * The parents the next round of penalty notices goes to (the multi-instance's collection): the
   * case's {@link #PARENTS}, or after a withdrawal for a material error only the parents whose
   * notice had the error ({@link #CORRECTED_NOTICE_RECIPIENTS}, used once by "Prepare penalty notices").
   */
  public static final ProcessVariable<JsonNode> NOTICE_RECIPIENTS = json("noticeRecipients");
  public static final ProcessVariable<JsonNode> CORRECTED_NOTICE_RECIPIENTS = json("correctedNoticeRecipients");

  // ---------------------------------------------------------------- after every notice was withdrawn

  /**
   * A withdrawal needs a person's decision: every penalty notice of the round was withdrawn (none
   * paid, none to court, none sent to another route), or one was withdrawn for a material error
   * whatever became of the others. The case does not end by itself; {@link #DECIDE_AFTER_WITHDRAWAL}
   * decides.
   */
  public static final ProcessVariable<Boolean> NOTICES_WITHDRAWN = bool("noticesWithdrawn");
  /** At least one notice was withdrawn for a material error, so a corrected notice may be issued (for its form). */
  public static final ProcessVariable<Boolean> CORRECTED_NOTICE_POSSIBLE = bool("correctedNoticePossible");
  /** The withdrawn notices, each with its parent and the ground in words (for its form). */
  public static final ProcessVariable<String> WITHDRAWN_NOTICES_SHOWN = text("withdrawnNoticesShown");
  /** The round's notices that were not withdrawn and what became of them (paid, prosecuted), for its form; null when none. */
  public static final ProcessVariable<String> OTHER_NOTICES_SHOWN = text("otherNoticesShown");
  /**
   * For "Decide what follows the withdrawal": each parent whose notice was withdrawn for a material
   * error and who is now at the limit of notices for this child, with the notices that reach it: a
   * corrected notice to them would be refused. Null when none.
   */
  public static final ProcessVariable<String> CORRECTED_NOTICE_LIMIT_SHOWN = text("correctedNoticeLimitShown");
  /** {@link #AFTER_WITHDRAWAL_CHOICES}. */
  public static final ProcessVariable<String> AFTER_WITHDRAWAL = text("afterWithdrawal");
  /** Why: recorded in the case's history; the closure reason when the case is closed. */
  public static final ProcessVariable<String> AFTER_WITHDRAWAL_REASON = text("afterWithdrawalReason");
  public static final String CORRECTED_NOTICE = "corrected-notice";
  public static final String PUPIL_PLANNING_MEETING = "pupil-planning-meeting";
  public static final String CLOSE = "close";
  public static final List<String> AFTER_WITHDRAWAL_CHOICES =
      List.of(CORRECTED_NOTICE, FURTHER_SUPPORT, PUPIL_PLANNING_MEETING, CLOSE);
  public static final ProcessVariable<String> COURT_OUTCOME = CaseFacts.COURT_OUTCOME;

  /** The outcome of a case (contract): {@link #OUTCOMES}. */
  public static final ProcessVariable<String> CASE_OUTCOME = text("caseOutcome");
  /**
   * The officer a senior practitioner made responsible for this case (a user id), in place of the
   * school's named officer; absent while the school's named officer leads it ({@link CaseReassignment}).
   */
  public static final ProcessVariable<String> CASE_OFFICER = text("caseOfficer");
  public static final String IMPROVED = "improved";
  public static final String PENALTY_PAID = "penalty-paid";
  public static final String COURT = "court-outcome";
  public static final String WITHDRAWN = "withdrawn";
  public static final String CLOSED = "closed";
  /** Closed at Level 1 as no longer needed for another reason ({@link #NO_LONGER_NEEDED_REASON}, with {@code closureReason}). */
  public static final String NO_LONGER_NEEDED_OUTCOME = NO_LONGER_NEEDED;
  public static final List<String> OUTCOMES =
      List.of(IMPROVED, PENALTY_PAID, COURT, WITHDRAWN, CLOSED, NO_LONGER_NEEDED_OUTCOME);

  // ---------------------------------------------------------------- history events of called processes

  /*
   * The events the case's history records when it calls another process, and when a called process
   * ends; the case page reads its called processes' steps only when the history holds one of the
   * first four. The BPMN's listeners spell out the two it writes (CalledEventsTest keeps
   * them equal); the case's own court proceedings end with the event {@link #COURT}.
   */
  /** The Notice to Improve was called ({@code Activity_IssueNoticeToImprove}'s start listener). */
  public static final String NOTICE_TO_IMPROVE_ISSUED_EVENT = "notice-to-improve-issued";
  /** Penalty notices were prepared for every parent ({@link PreparePenaltyNotices}). */
  public static final String PENALTY_NOTICES_EVENT = "penalty-notices";
  /** Corrected penalty notices were prepared after a withdrawal ({@link PreparePenaltyNotices}). */
  public static final String PENALTY_NOTICES_CORRECTED_EVENT = "penalty-notices-corrected";
  /** The case's own court proceedings were called ({@code Activity_TakeCaseToCourt}'s start listener). */
  public static final String COURT_PROCEEDINGS_EVENT = "court-proceedings";
  /** The events that record a call of another process. */
  public static final List<String> CALL_EVENTS =
      List.of(NOTICE_TO_IMPROVE_ISSUED_EVENT, PENALTY_NOTICES_EVENT, PENALTY_NOTICES_CORRECTED_EVENT, COURT_PROCEEDINGS_EVENT);
  /** Every penalty notice of the case was withdrawn: a decision follows ({@link RecordPenaltyNoticeOutcomes}). */
  public static final String PENALTY_NOTICES_WITHDRAWN_EVENT = "penalty-notices-withdrawn";
  /**
   * A notice was withdrawn for a material error while another of the round stands (paid,
   * prosecuted, another route): a decision follows ({@link RecordPenaltyNoticeOutcomes}).
   */
  public static final String PENALTY_NOTICE_WITHDRAWN_FOR_ERROR_EVENT = "penalty-notice-withdrawn-material-error";
  /** Every penalty notice of the case ended ({@link RecordPenaltyNoticeOutcomes}). */
  public static final String PENALTY_NOTICES_CONCLUDED_EVENT = "penalty-notices-concluded";

  // ---------------------------------------------------------------- messages

  /** 1–4. */
  public static final ProcessVariable<Integer> NEW_LEVEL = integer("newLevel");
  public static final ProcessVariable<String> CHANGE_REASON = text("changeReason");
  public static final ProcessVariable<String> CLOSURE_REASON = text("closureReason");

  public static final MessageContract CHANGE_LEVEL = MessageContract.of("ChangeLevel", NEW_LEVEL, CHANGE_REASON);
  public static final MessageContract CASE_CLOSED = MessageContract.of("CaseClosed", CLOSURE_REASON);
  public static final MessageContract ATTENDANCE_UPDATED =
      MessageContract.of("AttendanceUpdated", ATTENDANCE_PERCENT, UNAUTHORISED_SESSIONS, ATTENDANCE_SOURCE);

  // ---------------------------------------------------------------- user tasks and what each sets

  public static final UserTaskContract INTERVENE_IN_SCHOOL =
      UserTaskContract.of("Task_InterveneInSchool", SCHOOL_INTERVENTION_OUTCOME, SCHOOL_INTERVENTION_NOTES,
          NO_LONGER_NEEDED_REASON, NO_LONGER_NEEDED_EXPLANATION);
  public static final UserTaskContract HOLD_ATTENDANCE_MEETING =
      UserTaskContract.of("Task_HoldAttendanceMeeting", ATTENDANCE_TARGET, REVIEW_DATE, BARRIERS, ATTENDANCE_PLAN);
  public static final UserTaskContract REVIEW_ATTENDANCE =
      UserTaskContract.of("Task_ReviewAttendance", CURRENT_ATTENDANCE_PERCENT, REVIEW_NOTES);
  public static final UserTaskContract WORK_WITH_FAMILY =
      UserTaskContract.of(
          "Task_WorkWithFamily",
          EARLY_HELP_CONSENT, EARLY_HELP_ASSESSMENT, CASEWORK_OUTCOME, AGENCIES_INVOLVED, SUPPORT_SO_FAR, CASEWORK_NOTES);
  public static final UserTaskContract AGREE_ATTENDANCE_CONTRACT =
      UserTaskContract.of(
          "Task_AgreeAttendanceContract", CONTRACT_AGREED, CONTRACT_REVIEW_DATE, NO_CONTRACT_REASON, SUFFICIENT_IMPROVEMENT);
  public static final UserTaskContract REVIEW_ATTENDANCE_CONTRACT =
      UserTaskContract.of("Task_ReviewAttendanceContract", CONTRACT_OUTCOME, CONTRACT_REVIEW_NOTES, SUFFICIENT_IMPROVEMENT);
  public static final UserTaskContract DECIDE_AFTER_WITHDRAWAL =
      UserTaskContract.of("Task_DecideAfterWithdrawal", AFTER_WITHDRAWAL, AFTER_WITHDRAWAL_REASON);
  public static final UserTaskContract HOLD_PUPIL_PLANNING_MEETING =
      UserTaskContract.of(
          "Task_HoldPupilPlanningMeeting", LEGAL_ROUTE, LEGAL_ROUTE_REASON, LATE_ARRIVAL, OFFENCE_FROM, OFFENCE_TO,
          THRESHOLD_EVIDENCE_CONFIRMED, THRESHOLD_EVIDENCE_SESSIONS, PARENTS_NOT_PROSECUTED, NO_CONTRACT_REASON,
          NO_NOTICE_TO_IMPROVE_REASON, NO_NOTICE_TO_IMPROVE_REASONS, CHILD_LOOKED_AFTER);

  // ---------------------------------------------------------------- activities code refers to

  public static final String START = "Event_AttendanceCaseStarted";
  /** Where a term-time leave case enters the legal process without a Pupil Planning Meeting. */
  public static final String PREPARE_PENALTY_NOTICES = "Task_PreparePenaltyNotices";
  public static final String REVIEW_DATE_REACHED = "Event_ReviewDateReached";
  public static final String CONTRACT_REVIEW_DATE_REACHED = "Event_ContractReviewDateReached";
  public static final String ATTENDANCE_UPDATED_EVENT = "Event_AttendanceUpdated";
  public static final String CASE_CLOSED_EVENT = "Event_CaseClosedRequested";
  public static final String ISSUE_NOTICE_TO_IMPROVE = "Activity_IssueNoticeToImprove";
  public static final String ISSUE_PENALTY_NOTICES = "Activity_IssuePenaltyNotices";
  public static final String TAKE_CASE_TO_COURT = "Activity_TakeCaseToCourt";
  public static final String RECORD_PENALTY_NOTICE_OUTCOMES = "Task_RecordPenaltyNoticeOutcomes";
  public static final String RECORD_CASE_COURT_OUTCOME = "Task_RecordCaseCourtOutcome";

  /**
   * The case's penalty-notice and court stage: from "Prepare penalty notices" to the decision after a
   * withdrawal and the court's outcome. While the case is at one of these, its notices (a corrected
   * one too) and its proceedings are for its school's period, so it stays at that school when its
   * pupil moves ({@code CaseCorrections#enforcementStageOpen}).
   */
  public static final List<String> ENFORCEMENT_STAGE = List.of(PREPARE_PENALTY_NOTICES, ISSUE_PENALTY_NOTICES,
      RECORD_PENALTY_NOTICE_OUTCOMES, DECIDE_AFTER_WITHDRAWAL.id(), TAKE_CASE_TO_COURT, RECORD_CASE_COURT_OUTCOME);

  // ---------------------------------------------------------------- decisions (bpmn/*.dmn)

  public static final String ATTENDANCE_BAND_DECISION = "AttendanceBand";
  public static final String NATIONAL_THRESHOLD_DECISION = "NationalThreshold";
  public static final String REVIEW_OUTCOME_DECISION = "ReviewOutcome";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public List<UserTaskContract> userTasks() {
    return List.of(
        INTERVENE_IN_SCHOOL,
        HOLD_ATTENDANCE_MEETING,
        REVIEW_ATTENDANCE,
        WORK_WITH_FAMILY,
        AGREE_ATTENDANCE_CONTRACT,
        REVIEW_ATTENDANCE_CONTRACT,
        HOLD_PUPIL_PLANNING_MEETING,
        DECIDE_AFTER_WITHDRAWAL);
  }

  @Override
  public List<MessageContract> messages() {
    return List.of(CHANGE_LEVEL, CASE_CLOSED, ATTENDANCE_UPDATED);
  }
}
