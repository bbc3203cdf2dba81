package uk.schoolattendance.improvement;

import static uk.schoolattendance.process.ProcessVariable.integer;
import static uk.schoolattendance.process.ProcessVariable.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.process.UserTaskContract;

/**
 * The contract of {@code NoticeToImprove} (bpmn/NoticeToImprove.bpmn, docs/adr/0002): the notice,
 * its improvement period in school weeks and its review. Called by the case with the case's
 * facts; returns {@link #IMPROVEMENT_SUFFICIENT} and the period's dates.
 */
@Component
public final class NoticeToImprove implements ProcessContract {

  public static final String KEY = "NoticeToImprove";

  public static final ProcessVariable<String> CASE_REFERENCE = CaseFacts.CASE_REFERENCE;
  public static final ProcessVariable<String> PUPIL_UPN = CaseFacts.PUPIL_UPN;
  public static final ProcessVariable<String> PUPIL_NAME = CaseFacts.PUPIL_NAME;
  public static final ProcessVariable<String> SCHOOL_URN = CaseFacts.SCHOOL_URN;
  public static final ProcessVariable<JsonNode> PARENTS = CaseFacts.PARENTS;
  public static final ProcessVariable<Double> ATTENDANCE_PERCENT = CaseFacts.ATTENDANCE_PERCENT;
  public static final ProcessVariable<Integer> UNAUTHORISED_SESSIONS = CaseFacts.UNAUTHORISED_SESSIONS;
  public static final ProcessVariable<String> SUPPORT_SO_FAR = CaseFacts.SUPPORT_SO_FAR;
  /** Where the case's figures come from: {@code marks} makes the letter quote the register (as the review). */
  public static final ProcessVariable<String> ATTENDANCE_SOURCE = CaseFacts.ATTENDANCE_SOURCE;
  /** The case's level, stage and attendance band, shown on the review's form ({@link ReviewFacts}). */
  public static final ProcessVariable<Integer> LEVEL = AttendanceCase.LEVEL;
  public static final ProcessVariable<String> STAGE = AttendanceCase.STAGE;
  public static final ProcessVariable<String> ATTENDANCE_BAND = AttendanceCase.ATTENDANCE_BAND;
  /** Set per case by the officer; required: the letter prints it (issue #12 item 9). */
  public static final ProcessVariable<String> SUFFICIENT_IMPROVEMENT = CaseFacts.SUFFICIENT_IMPROVEMENT;

  /** The day the notice was issued and the last day of its improvement period (calendar days, ISO text). */
  public static final ProcessVariable<LocalDate> ISSUED_ON = CaseFacts.NOTICE_TO_IMPROVE_ISSUED_ON;
  public static final ProcessVariable<LocalDate> ENDS_ON = CaseFacts.NOTICE_TO_IMPROVE_ENDS_ON;
  /** The improvement period as the forms show it: "1 December 2025 to 26 January 2026". */
  public static final ProcessVariable<String> IMPROVEMENT_PERIOD_SHOWN = text("improvementPeriodShown");
  /** The improvement period's base date and length, so a change of term dates can move its timer. */
  public static final ProcessVariable<LocalDate> BASE_DATE = ProcessVariable.day("noticeToImproveBaseDate");
  public static final ProcessVariable<Integer> PERIOD_WEEKS = integer("improvementPeriodWeeks");
  /** The letter (PDF), also at {@code GET /api/cases/{caseReference}/notice-to-improve/letter}. */
  public static final ProcessVariable<FileValue> LETTER = ProcessVariable.file("noticeToImproveLetter");

  /**
   * The register's figures for the improvement period, in words, task-local on the review's task
   * ({@link ReviewFacts}); what the review form shows beside what the notice described.
   */
  public static final ProcessVariable<String> IMPROVEMENT_PERIOD_FIGURES_SHOWN = text("improvementPeriodFiguresShown");
  public static final ProcessVariable<Boolean> IMPROVEMENT_SUFFICIENT = CaseFacts.IMPROVEMENT_SUFFICIENT;
  public static final ProcessVariable<String> REVIEW_NOTES = text("reviewNotes");
  public static final ProcessVariable<String> EARLY_ESCALATION_GROUNDS = text("earlyEscalationGrounds");
  /** Why the officer escalates early: one of {@code attendance.notice-to-improve.early-escalation-reasons}. */
  public static final ProcessVariable<String> EARLY_ESCALATION_REASON = text("earlyEscalationReason");
  /** The reason in the words the configuration gave it when the officer escalated, for the case's history. */
  public static final ProcessVariable<String> EARLY_ESCALATION_REASON_SHOWN = text("earlyEscalationReasonShown");

  public static final UserTaskContract REVIEW_NOTICE_TO_IMPROVE =
      UserTaskContract.of("Task_ReviewNoticeToImprove", IMPROVEMENT_SUFFICIENT, REVIEW_NOTES);
  /** Completing it is the early escalation: it sets only its reason and grounds. */
  public static final UserTaskContract WATCH_IMPROVEMENT_PERIOD =
      UserTaskContract.of("Task_WatchImprovementPeriod", EARLY_ESCALATION_REASON, EARLY_ESCALATION_GROUNDS);

  public static final String ISSUE_NOTICE_TO_IMPROVE = "Task_IssueNoticeToImprove";
  public static final String IMPROVEMENT_PERIOD_ENDED = "Event_ImprovementPeriodEnded";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public List<UserTaskContract> userTasks() {
    return List.of(REVIEW_NOTICE_TO_IMPROVE, WATCH_IMPROVEMENT_PERIOD);
  }

}
