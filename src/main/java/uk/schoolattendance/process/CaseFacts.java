package uk.schoolattendance.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * The facts of a case that every process of it carries, and what its processes hand each other
 * through their call activities (docs/adr/0002). Declared once here; each process's contract
 * names the ones it uses.
 */
public final class CaseFacts {

  /** The case reference, {@code AC-<year>-<six digits>}: the case's business key. */
  public static final ProcessVariable<String> CASE_REFERENCE = ProcessVariable.text("caseReference");
  public static final ProcessVariable<String> PUPIL_UPN = ProcessVariable.text("pupilUpn");
  public static final ProcessVariable<String> PUPIL_NAME = ProcessVariable.text("pupilName");
  /**
   * The child's address, optional at the case's start: a penalty notice prints the register's
   * address ({@code att_pupil.address}) and, for a pupil the register has none for, this one.
   */
  public static final ProcessVariable<String> PUPIL_ADDRESS = ProcessVariable.text("pupilAddress");
  public static final ProcessVariable<String> SCHOOL_URN = ProcessVariable.text("schoolUrn");
  /** The liable parents, a Json array of {@code {id, name, address}} ({@link Parents}). */
  public static final ProcessVariable<JsonNode> PARENTS = ProcessVariable.json("parents");
  public static final ProcessVariable<Double> ATTENDANCE_PERCENT = ProcessVariable.number("attendancePercent");
  /**
   * G/N/O/U sessions in the last school weeks of the threshold's window ({@code
   * attendance.register.threshold.school-weeks}, national default 10; {@link ThresholdWords}).
   */
  public static final ProcessVariable<Integer> UNAUTHORISED_SESSIONS = ProcessVariable.integer("unauthorisedSessions");
  /** Where the figures came from: {@code marks} (the register) or {@code entered} (typed at the start, no marks). */
  public static final ProcessVariable<String> ATTENDANCE_SOURCE = ProcessVariable.text("attendanceSource");
  public static final String FROM_MARKS = "marks";
  public static final String ENTERED = "entered";
  /** The support given so far, for the Notice to Improve letter. */
  public static final ProcessVariable<String> SUPPORT_SO_FAR = ProcessVariable.text("supportSoFar");

  /** One liable parent, as a penalty notice and its prosecution know them. */
  public static final ProcessVariable<String> PARENT_ID = ProcessVariable.text("parentId");
  public static final ProcessVariable<String> PARENT_NAME = ProcessVariable.text("parentName");
  public static final ProcessVariable<String> PARENT_ADDRESS = ProcessVariable.text("parentAddress");

  /** The pupil's date of birth: a calendar day; compulsory school age follows from it (EA 1996 s8). */
  public static final ProcessVariable<LocalDate> PUPIL_DATE_OF_BIRTH = ProcessVariable.day("pupilDateOfBirth");

  /** Why a penalty notice is proposed: {@code holiday}, {@code late} or {@code other}. */
  public static final ProcessVariable<String> NOTICE_REASON = ProcessVariable.text("noticeReason");
  /** The period of the offence: calendar days (ISO text), a fact of the case recorded when the legal route is chosen. */
  public static final ProcessVariable<LocalDate> OFFENCE_FROM = ProcessVariable.day("offenceFrom");
  public static final ProcessVariable<LocalDate> OFFENCE_TO = ProcessVariable.day("offenceTo");
  /**
   * For a pupil the register holds no marks for: the officer confirmed at the Pupil Planning
   * Meeting that the school's register printout shows the threshold met in the offence period, and
   * the unauthorised sessions it shows there (the count a penalty notice then states).
   */
  public static final ProcessVariable<Boolean> THRESHOLD_EVIDENCE_CONFIRMED = ProcessVariable.bool("thresholdEvidenceConfirmed");
  public static final ProcessVariable<Integer> THRESHOLD_EVIDENCE_SESSIONS = ProcessVariable.integer("thresholdEvidenceSessions");
  /** The offence period as forms show it: "7 September 2026 to 16 October 2026". */
  public static final ProcessVariable<String> OFFENCE_PERIOD_SHOWN = ProcessVariable.text("offencePeriodShown");
  /** A penalty notice's number, {@code PN-2026-000123}: its process's business key. */
  public static final ProcessVariable<String> NOTICE_NUMBER = ProcessVariable.text("noticeNumber");
  /** How a penalty notice ended: {@code paid}, {@code withdrawn}, {@code court-outcome}, {@code another-route}. */
  public static final ProcessVariable<String> NOTICE_OUTCOME = ProcessVariable.text("noticeOutcome");
  /** The last day to lay an information for the offence (Magistrates' Courts Act 1980 s127): a calendar day. */
  public static final ProcessVariable<LocalDate> INFORMATION_DEADLINE = ProcessVariable.day("informationDeadline");
  /** The information deadline as forms show it: "16 April 2027". */
  public static final ProcessVariable<String> INFORMATION_DEADLINE_SHOWN = ProcessVariable.text("informationDeadlineShown");

  /** What court proceedings are for: {@code prosecution} or {@code education-supervision-order}. */
  public static final ProcessVariable<String> PROCEEDINGS_TYPE = ProcessVariable.text("proceedingsType");
  /** What the court decided (contract: fine, conditional-discharge, parenting-order, …). */
  public static final ProcessVariable<String> COURT_OUTCOME = ProcessVariable.text("courtOutcome");
  /**
   * The child is in the care of a local authority (a care order, Children Act 1989 s31 and s105(1)):
   * no education supervision order can be made (s36(6)). Asked at the Pupil Planning Meeting when the
   * order is chosen and again when the application is prepared.
   */
  public static final ProcessVariable<Boolean> CHILD_LOOKED_AFTER = ProcessVariable.bool("childLookedAfter");

  /** Whether an attendance contract was agreed: evidence for the court (domain notes §6). */
  public static final ProcessVariable<Boolean> CONTRACT_AGREED = ProcessVariable.bool("contractAgreed");
  /** Why no attendance contract was agreed (Level 3) or tried (recorded at the Pupil Planning Meeting). */
  public static final ProcessVariable<String> NO_CONTRACT_REASON = ProcessVariable.text("noContractReason");
  /** Why a prosecution goes ahead with no Notice to Improve issued (recorded at the Pupil Planning Meeting). */
  public static final ProcessVariable<String> NO_NOTICE_TO_IMPROVE_REASON = ProcessVariable.text("noNoticeToImproveReason");
  /**
   * Why no Notice to Improve was tried, per parent (a Notice to Improve is given to each parent, so
   * one may have had it and another not): a Json list of {@code {parentId, parent, reason}}, one per
   * parent the legal route concerns who had none, asked by the Pupil Planning Meeting (AttendanceCase
   * 1.6) for a penalty notice, a prosecution or an education supervision order; the court's
   * evidence list quotes each.
   */
  public static final ProcessVariable<com.fasterxml.jackson.databind.JsonNode> NO_NOTICE_TO_IMPROVE_REASONS =
      ProcessVariable.json("noNoticeToImproveReasons");

  /**
   * What "sufficient improvement" means for this case (issue #12 item 9): set by the officer when
   * the case turns to formal action (no attendance contract agreed, or the contract not kept) and
   * printed on each parent's Notice to Improve, e.g. "no unauthorised absence and attendance
   * above 92 % over the improvement period".
   */
  public static final ProcessVariable<String> SUFFICIENT_IMPROVEMENT = ProcessVariable.text("sufficientImprovement");

  /** What a Notice to Improve returns to the case. */
  public static final ProcessVariable<Boolean> IMPROVEMENT_SUFFICIENT = ProcessVariable.bool("improvementSufficient");
  public static final ProcessVariable<LocalDate> NOTICE_TO_IMPROVE_ISSUED_ON = ProcessVariable.day("noticeToImproveIssuedOn");
  public static final ProcessVariable<LocalDate> NOTICE_TO_IMPROVE_ENDS_ON = ProcessVariable.day("noticeToImproveEndsOn");

  /** The shape of a notice number. */
  public static final Pattern NOTICE_NUMBER_SHAPE = Pattern.compile("PN-\\d{4}-\\d{6}");

  /** The longest pupil name any process or the API accepts. */
  public static final int PUPIL_NAME_MAX = 200;

  /**
   * The pupil a process is about, checked alike wherever a process starts: the UPN with its DfE
   * check letter, the name, a school the authority serves (each trimmed and stored normalised).
   */
  public static void checkPupil(VariableScope scope, SchoolDirectory schools) {
    Inputs.upn(scope, PUPIL_UPN);
    Inputs.requiredText(scope, PUPIL_NAME, PUPIL_NAME_MAX);
    schools.requireServed(SCHOOL_URN.name(), Inputs.schoolUrn(scope, SCHOOL_URN));
  }

  private CaseFacts() {}
}
