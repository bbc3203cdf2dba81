package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.AGENCIES_INVOLVED;
import static uk.schoolattendance.casework.AttendanceCase.ATTENDANCE_BAND;
import static uk.schoolattendance.casework.AttendanceCase.ATTENDANCE_PERCENT;
import static uk.schoolattendance.casework.AttendanceCase.ATTENDANCE_PLAN;
import static uk.schoolattendance.casework.AttendanceCase.ATTENDANCE_TARGET;
import static uk.schoolattendance.casework.AttendanceCase.BARRIERS;
import static uk.schoolattendance.casework.AttendanceCase.CASEWORK_NOTES;
import static uk.schoolattendance.casework.AttendanceCase.CASEWORK_OUTCOME;
import static uk.schoolattendance.casework.AttendanceCase.CHILD_LOOKED_AFTER;
import static uk.schoolattendance.casework.AttendanceCase.CONTRACT_AGREED;
import static uk.schoolattendance.casework.AttendanceCase.CONTRACT_OUTCOME;
import static uk.schoolattendance.casework.AttendanceCase.CONTRACT_REVIEW_DATE;
import static uk.schoolattendance.casework.AttendanceCase.CONTRACT_REVIEW_NOTES;
import static uk.schoolattendance.casework.AttendanceCase.CURRENT_ATTENDANCE_PERCENT;
import static uk.schoolattendance.casework.AttendanceCase.EARLY_HELP_ASSESSMENT;
import static uk.schoolattendance.casework.AttendanceCase.EARLY_HELP_CONSENT;
import static uk.schoolattendance.casework.AttendanceCase.LATE_ARRIVAL;
import static uk.schoolattendance.casework.AttendanceCase.LEGAL_ROUTE;
import static uk.schoolattendance.casework.AttendanceCase.LEGAL_ROUTE_REASON;
import static uk.schoolattendance.casework.AttendanceCase.NO_CONTRACT_REASON;
import static uk.schoolattendance.casework.AttendanceCase.NO_LONGER_NEEDED_EXPLANATION;
import static uk.schoolattendance.casework.AttendanceCase.NO_LONGER_NEEDED_REASON;
import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_FROM;
import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_TO;
import static uk.schoolattendance.casework.AttendanceCase.COURT_PARENTS;
import static uk.schoolattendance.casework.AttendanceCase.PARENTS_NOT_PROSECUTED;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_UPN;
import static uk.schoolattendance.casework.AttendanceCase.REVIEW_DATE;
import static uk.schoolattendance.casework.AttendanceCase.REVIEW_NOTES;
import static uk.schoolattendance.casework.AttendanceCase.SCHOOL_INTERVENTION_NOTES;
import static uk.schoolattendance.casework.AttendanceCase.SCHOOL_URN;
import static uk.schoolattendance.casework.AttendanceCase.SCHOOL_INTERVENTION_OUTCOME;
import static uk.schoolattendance.casework.AttendanceCase.SUPPORT_SO_FAR;
import static uk.schoolattendance.casework.AttendanceCase.THRESHOLD_EVIDENCE_CONFIRMED;
import static uk.schoolattendance.casework.AttendanceCase.THRESHOLD_EVIDENCE_SESSIONS;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.ProsecutionBar;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.DeployedForms;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Complete listener of every user task of AttendanceCase ({@code caseTaskRules}): a completion
 * without a required variable, or with a value outside its list, is refused with an
 * {@link InvalidInputException} naming the variable; the task stays open. Each task's rules are
 * those of the contract's "Decisions taken in user tasks" table.
 */
@Component("caseTaskRules")
public class CaseTaskRules implements TaskListener {

  private final SchoolCalendar calendar;
  private final CasePathway pathway;
  private final OffencePeriods offencePeriods;
  private final OffencePeriodProposals proposals;
  private final OffencePeriodProposal proposal;
  private final ProsecutionBar prosecutionBar;
  private final RegisterReviewFigures registerReview;
  private final SchoolInterventionFigures interventionFigures;
  private final CaseSettings settings;
  /** Whether a deployed definition's Level 1 has the path "no longer needed", per definition id. */
  private final Map<String, Boolean> noLongerNeededPath = new ConcurrentHashMap<>();
  /** The field keys of a task's form, per definition id and task (a deployed definition never changes). */
  private final Map<String, Set<String>> formFields = new ConcurrentHashMap<>();

  public CaseTaskRules(
      SchoolCalendar calendar, CasePathway pathway, OffencePeriods offencePeriods, OffencePeriodProposals proposals,
      OffencePeriodProposal proposal, ProsecutionBar prosecutionBar, RegisterReviewFigures registerReview,
      SchoolInterventionFigures interventionFigures, CaseSettings settings) {
    this.interventionFigures = interventionFigures;
    this.settings = settings;
    this.prosecutionBar = prosecutionBar;
    this.registerReview = registerReview;
    this.calendar = calendar;
    this.pathway = pathway;
    this.offencePeriods = offencePeriods;
    this.proposals = proposals;
    this.proposal = proposal;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    if (AttendanceCase.INTERVENE_IN_SCHOOL.id().equals(key)) {
      interveneInSchool(task);
    } else if (AttendanceCase.HOLD_ATTENDANCE_MEETING.id().equals(key)) {
      holdAttendanceMeeting(task);
    } else if (AttendanceCase.REVIEW_ATTENDANCE.id().equals(key)) {
      reviewAttendance(task);
    } else if (AttendanceCase.WORK_WITH_FAMILY.id().equals(key)) {
      workWithFamily(task);
    } else if (AttendanceCase.AGREE_ATTENDANCE_CONTRACT.id().equals(key)) {
      agreeAttendanceContract(task);
    } else if (AttendanceCase.REVIEW_ATTENDANCE_CONTRACT.id().equals(key)) {
      reviewAttendanceContract(task);
    } else if (AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id().equals(key)) {
      holdPupilPlanningMeeting(task);
    } else {
      throw new IllegalStateException("caseTaskRules has no rules for " + key);
    }
  }

  private void interveneInSchool(DelegateTask task) {
    String outcome = Inputs.oneOf(task, SCHOOL_INTERVENTION_OUTCOME, AttendanceCase.SCHOOL_OUTCOMES, null);
    String notes = Inputs.optionalText(task, SCHOOL_INTERVENTION_NOTES, Inputs.TEXT_MAX);
    if ("improved".equals(outcome)) {
      interventionFigures.checkImproved(task);
    }
    if (AttendanceCase.NO_LONGER_NEEDED.equals(outcome)) {
      noLongerNeeded(task, notes);
      return;
    }
    for (ProcessVariable<String> only : List.of(NO_LONGER_NEEDED_REASON, NO_LONGER_NEEDED_EXPLANATION)) {
      if (Inputs.optionalText(task, only, Inputs.TEXT_MAX) != null) {
        throw new InvalidInputException(only.name(), "is given only when the case is no longer needed"
            + " (schoolInterventionOutcome " + AttendanceCase.NO_LONGER_NEEDED + "), not with " + outcome);
      }
    }
    pathway.record(task, "school-intervention-" + outcome, notes);
  }

  /**
   * "No longer needed for another reason" (AttendanceCase 1.7): a reason from the configured list
   * ({@code attendance.case.no-longer-needed-reasons}) and the school's explanation, at least
   * {@code no-longer-needed-explanation-min-length} characters. A task of an earlier definition has
   * no such path (its gateway would find no way out), so the outcome is refused there, saying what
   * the school can do instead.
   */
  private void noLongerNeeded(DelegateTask task, String notes) {
    if (!hasNoLongerNeededPath(task)) {
      throw new InvalidInputException(SCHOOL_INTERVENTION_OUTCOME.name(),
          "cannot be " + AttendanceCase.NO_LONGER_NEEDED + " for this case: it was opened on an earlier version of"
              + " the process, whose Level 1 has no such outcome. Refer the case to the local authority (refer-to-la)"
              + " with your notes, and the local authority closes it with the reason");
    }
    Map<String, String> reasons = settings.noLongerNeededReasons();
    String reason = Inputs.oneOf(task, NO_LONGER_NEEDED_REASON, reasons.keySet(), null);
    // with the reason's words it becomes closureReason, a text the engine and the case index keep to 4000 characters
    String explanation = Inputs.optionalText(task, NO_LONGER_NEEDED_EXPLANATION, EXPLANATION_MAX);
    if (explanation == null) {
      throw new InvalidInputException(NO_LONGER_NEEDED_EXPLANATION.name(),
          "is required when the case is no longer needed: say what happened (the new school, the date the family"
              + " moved, who confirmed it)");
    }
    int min = settings.noLongerNeededExplanationMinLength();
    if (explanation.length() < min) {
      throw new InvalidInputException(NO_LONGER_NEEDED_EXPLANATION.name(),
          "say what happened (the new school, the date the family moved, who confirmed it), at least " + min
              + " characters, was " + explanation.length());
    }
    pathway.record(task, "school-intervention-" + AttendanceCase.NO_LONGER_NEEDED,
        reasons.get(reason) + ": " + explanation + (notes == null ? "" : "\n" + notes));
  }

  private boolean hasNoLongerNeededPath(DelegateTask task) {
    return noLongerNeededPath.computeIfAbsent(task.getProcessDefinitionId(),
        id -> task.getProcessEngineServices().getRepositoryService().getBpmnModelInstance(id)
            .getModelElementById(NO_LONGER_NEEDED_FLOW) != null);
  }

  /** The longest explanation of a case no longer needed (the form's maxLength too). */
  static final int EXPLANATION_MAX = 2000;

  /** The flow of Level 1's gateway to "No longer needed" (AttendanceCase 1.7). */
  static final String NO_LONGER_NEEDED_FLOW = "Flow_NoLongerNeeded";

  private void holdAttendanceMeeting(DelegateTask task) {
    double target = Inputs.percent(task, ATTENDANCE_TARGET, true);
    Double current = ATTENDANCE_PERCENT.get(task);
    if (current != null && target <= current) {
      throw new InvalidInputException(
          ATTENDANCE_TARGET.name(), "must be above the pupil's current attendance (" + current + "%)");
    }
    futureSchoolDay(task, REVIEW_DATE);
    String barriers = Inputs.optionalText(task, BARRIERS, Inputs.TEXT_MAX);
    String plan = Inputs.optionalText(task, ATTENDANCE_PLAN, Inputs.TEXT_MAX);
    // what was agreed stays with the meeting in the history, as the case file's timeline shows it
    pathway.record(task, "attendance-meeting-held", "Attendance target " + target + "%"
        + agreed("Barriers", barriers) + agreed("Plan agreed", plan));
  }

  /** A line of what a meeting agreed ("\nBarriers: …"), or nothing when it was left empty. */
  private static String agreed(String label, String text) {
    return text == null || text.isBlank() ? "" : "\n" + label + ": " + text.strip();
  }

  private void reviewAttendance(DelegateTask task) {
    Double typed = Inputs.percent(task, CURRENT_ATTENDANCE_PERCENT, false);
    // with register marks the register's figure decides; a different typed figure is refused
    RegisterFigures.CaseFigures marks = registerReview.decide(task, typed).orElse(null);
    double now;
    if (marks == null) {
      now = Inputs.percent(task, CURRENT_ATTENDANCE_PERCENT, true);
    } else {
      now = marks.attendancePercent();
      CURRENT_ATTENDANCE_PERCENT.set(task, now);
      AttendanceCase.UNAUTHORISED_SESSIONS.set(task, marks.unauthorisedSessions());
    }
    ATTENDANCE_PERCENT.set(task, now);
    ATTENDANCE_BAND.set(task, Decisions.attendanceBand(decisions(task), now));
    Inputs.optionalText(task, REVIEW_NOTES, Inputs.TEXT_MAX);
  }

  private void workWithFamily(DelegateTask task) {
    boolean consent = Inputs.yesNo(task, EARLY_HELP_CONSENT, true);
    Boolean assessment = Inputs.yesNo(task, EARLY_HELP_ASSESSMENT, false);
    if (Boolean.TRUE.equals(assessment) && !consent) {
      throw new InvalidInputException(
          EARLY_HELP_ASSESSMENT.name(), "an early help assessment needs the parent's consent (earlyHelpConsent)");
    }
    String outcome = Inputs.oneOf(task, CASEWORK_OUTCOME, AttendanceCase.CASEWORK_OUTCOMES, null);
    Inputs.optionalText(task, AGENCIES_INVOLVED, Inputs.TEXT_MAX);
    Inputs.optionalText(task, CASEWORK_NOTES, Inputs.TEXT_MAX);
    String support = Inputs.optionalText(task, SUPPORT_SO_FAR, Inputs.TEXT_MAX);
    pathway.record(task, "casework-" + outcome, support);
  }

  private void agreeAttendanceContract(DelegateTask task) {
    boolean agreed = Inputs.yesNo(task, CONTRACT_AGREED, true);
    if (agreed) {
      futureSchoolDay(task, CONTRACT_REVIEW_DATE);
      pathway.record(task, "attendance-contract-agreed", null);
    } else {
      String reason = Inputs.optionalText(task, NO_CONTRACT_REASON, Inputs.TEXT_MAX);
      if (reason == null) {
        throw new InvalidInputException(
            NO_CONTRACT_REASON.name(), "is required when no attendance contract is agreed (domain notes §6)");
      }
      requireSufficientImprovement(task);
      pathway.record(task, "no-attendance-contract", reason);
    }
  }

  private void reviewAttendanceContract(DelegateTask task) {
    String outcome = Inputs.oneOf(task, CONTRACT_OUTCOME, AttendanceCase.CONTRACT_OUTCOMES, null);
    String notes = Inputs.optionalText(task, CONTRACT_REVIEW_NOTES, Inputs.TEXT_MAX);
    if ("not-improved".equals(outcome)) {
      requireSufficientImprovement(task);
    }
    pathway.record(task, "attendance-contract-" + outcome, notes);
  }

  /**
   * The case turns to formal action: the officer says what sufficient improvement is for this
   * case (issue #12 item 9), printed on each parent's Notice to Improve.
   */
  private static void requireSufficientImprovement(DelegateTask task) {
    String text = Inputs.optionalText(task, AttendanceCase.SUFFICIENT_IMPROVEMENT, 1000);
    if (text == null) {
      throw new InvalidInputException(
          AttendanceCase.SUFFICIENT_IMPROVEMENT.name(),
          "is required when the case turns to formal action: what sufficient improvement is for this case,"
              + " printed on each parent's Notice to Improve");
    }
  }

  private void holdPupilPlanningMeeting(DelegateTask task) {
    String route = Inputs.oneOf(task, LEGAL_ROUTE, AttendanceCase.LEGAL_ROUTES, null);
    Inputs.yesNo(task, LATE_ARRIVAL, false);
    // a penalty notice rests on the threshold established for its offence period (the marks or the
    // school's printout, thresholdEstablished), not on the figure entered when the case opened
    boolean prosecution = AttendanceCase.PROSECUTION.equals(route);
    List<Parent> parents = OffencePeriods.parents(task, calendar.properties().zone());
    List<Parent> concerned = prosecution ? prosecutedParents(task, parents) : parents;
    if (AttendanceCase.PENALTY_NOTICE.equals(route) || prosecution) {
      // a period the officer gave or kept from the proposal must still hold the threshold in the marks (#15)
      LocalDate from = Inputs.optionalDay(task, OFFENCE_FROM, calendar.properties().zone());
      LocalDate to = Inputs.optionalDay(task, OFFENCE_TO, calendar.properties().zone());
      if (AttendanceCase.PENALTY_NOTICE.equals(route) && from != null && to != null) {
        proposals.check(PUPIL_UPN.get(task), from, to);
      }
      offencePeriods.record(task, decisions(task), prosecution, concerned);
      if (AttendanceCase.PENALTY_NOTICE.equals(route)) {
        thresholdEstablished(task);
        // the notice's reason from the period's marks: only G marks are term-time leave (walk 11, defect 18)
        String fromMarks = proposals.noticeReason(PUPIL_UPN.get(task), OFFENCE_FROM.get(task), OFFENCE_TO.get(task))
            .orElse(null);
        if (fromMarks != null || AttendanceCase.NOTICE_REASON_FROM_MARKS.isSet(task)) {
          AttendanceCase.NOTICE_REASON_FROM_MARKS.set(task.getExecution(), fromMarks);
        }
      } else {
        // reg 8: no proceedings against the recipient of a withdrawn notice for the offence it related to
        for (Parent parent : concerned) {
          prosecutionBar.requireProsecutable(
              PARENTS_NOT_PROSECUTED.name(), parent, PUPIL_UPN.get(task), OFFENCE_FROM.get(task), OFFENCE_TO.get(task));
        }
      }
    } else {
      proposal.withdraw(task);
    }
    if (AttendanceCase.EDUCATION_SUPERVISION_ORDER.equals(route) && asks(task, CHILD_LOOKED_AFTER)
        && Inputs.yesNo(task, CHILD_LOOKED_AFTER, true)) {
      throw new InvalidInputException(
          CHILD_LOOKED_AFTER.name(),
          "an education supervision order cannot be made for a child in the care of a local authority"
              + " (Children Act 1989 s36(6)): choose another route");
    }
    // a meeting on a definition before 1.5 keeps its form, which asks none of these: what it cannot
    // ask is not required (Prepare court case still asks whether the child is in care, s36(6)); a
    // meeting on 1.5 asks once per case and for a prosecution only; from 1.6 per parent, for every
    // formal route (a penalty notice, a prosecution, an education supervision order)
    boolean formal = !AttendanceCase.FURTHER_SUPPORT.equals(route);
    if (formal && asks(task, AttendanceCase.NO_NOTICE_TO_IMPROVE_REASONS)) {
      triedOrWhyNotForEachParent(task, concerned);
    } else if (asks(task, AttendanceCase.NO_NOTICE_TO_IMPROVE_REASONS)) {
      // further support: the rows the meeting was offered are no reasons anyone gave
      AttendanceCase.NO_NOTICE_TO_IMPROVE_REASONS.remove(task.getExecution());
    } else if (prosecution && asks(task, NO_CONTRACT_REASON) && asks(task, AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON)) {
      triedOrWhyNot(task);
    }
    if (prosecution || AttendanceCase.EDUCATION_SUPERVISION_ORDER.equals(route)) {
      COURT_PARENTS.set(task, Parents.json(concerned));
    }
    String reason = Inputs.optionalText(task, LEGAL_ROUTE_REASON, Inputs.TEXT_MAX);
    pathway.record(task, "legal-route-" + route, reason);
  }

  /**
   * Whether the form the task shows has a field for {@code variable}: read from the task's own
   * definition's deployment (a running case keeps the form it started with), kept per definition.
   */
  private boolean asks(DelegateTask task, ProcessVariable<?> variable) {
    return formFields.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
            key -> DeployedForms.fields(task.getProcessEngineServices().getRepositoryService(),
                task.getProcessDefinitionId(), task.getTaskDefinitionKey()))
        .contains(variable.name());
  }

  /**
   * A prosecution goes ahead only with an attendance contract tried and a Notice to Improve issued,
   * or the reason recorded why not (domain notes §6): the court's evidence list quotes it. A reason
   * the officer gave when no contract was agreed at Level 3 stands.
   */
  private static void triedOrWhyNot(DelegateTask task) {
    if (!Boolean.TRUE.equals(CONTRACT_AGREED.get(task))
        && Inputs.optionalText(task, NO_CONTRACT_REASON, Inputs.TEXT_MAX) == null) {
      throw new InvalidInputException(
          NO_CONTRACT_REASON.name(),
          "is required for a prosecution when no attendance contract was tried: record why not (domain notes §6)");
    }
    if (AttendanceCase.NOTICE_TO_IMPROVE_ISSUED_ON.get(task) == null
        && Inputs.optionalText(task, AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON, Inputs.TEXT_MAX) == null) {
      throw new InvalidInputException(
          AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name(),
          "is required for a prosecution when no Notice to Improve was issued: record why not"
              + " (e.g. term-time leave, support not appropriate)");
    }
  }

  /**
   * A penalty notice, a prosecution or an education supervision order goes ahead only with an
   * attendance contract tried and a Notice to Improve given to each parent it concerns, or the
   * reason recorded why not (domain notes §6; DfE "Working together to improve school attendance",
   * August 2024: support first, formal action when it has not worked or is not appropriate). A
   * Notice to Improve is given per parent: each parent concerned who had none needs their own
   * reason ({@code noNoticeToImproveReasons}, one entry per parent, the form's list filled by
   * {@link ProsecutionChoices}); a single {@code noNoticeToImproveReason}, as an API client or the
   * 1.5 form sends it, stands for every such parent whose entry is empty. What is kept on the case
   * is the list, one entry per parent without a notice, which the court's evidence list quotes.
   */
  private void triedOrWhyNotForEachParent(DelegateTask task, List<Parent> concerned) {
    if (!Boolean.TRUE.equals(CONTRACT_AGREED.get(task))
        && Inputs.optionalText(task, NO_CONTRACT_REASON, Inputs.TEXT_MAX) == null) {
      throw new InvalidInputException(
          NO_CONTRACT_REASON.name(),
          "is required for a penalty notice, a prosecution or an education supervision order when no attendance"
              + " contract was tried: record why not (domain notes §6)");
    }
    String field = AttendanceCase.NO_NOTICE_TO_IMPROVE_REASONS.name();
    Map<String, String> given = new java.util.HashMap<>();
    Object raw = AttendanceCase.NO_NOTICE_TO_IMPROVE_REASONS.raw(task);
    if (raw != null) {
      List<Parent> all = OffencePeriods.parents(task, calendar.properties().zone());
      for (JsonNode entry : Json.list(Json.parse(field, raw))) {
        String id = parentOf(field, entry, all);
        String reason = Inputs.text(field, entry.path("reason").isTextual() ? entry.path("reason").asText() : null,
            Inputs.TEXT_MAX);
        if (reason != null) {
          given.put(id, reason);
        }
      }
    }
    String forEvery = Inputs.optionalText(task, AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON, Inputs.TEXT_MAX);
    com.fasterxml.jackson.databind.node.ArrayNode reasons = Json.newList();
    for (Parent parent : NoticeToImproveReceipts.withoutNotice(task, concerned, calendar.properties().zone())) {
      String reason = given.getOrDefault(parent.id(), forEvery);
      if (reason == null) {
        throw new InvalidInputException(field,
            "needs a reason for " + parent.name() + ", who had no Notice to Improve: record why not"
                + " (e.g. term-time leave, support not appropriate)");
      }
      reasons.addObject().put("parentId", parent.id()).put("parent", parent.name()).put("reason", reason);
    }
    // what was decided belongs to the case, its history and the court's file (a client's task-local copy included)
    task.removeVariableLocal(field);
    AttendanceCase.NO_NOTICE_TO_IMPROVE_REASONS.set(task.getExecution(), reasons);
  }

  /**
   * The id of the parent a row of {@code noNoticeToImproveReasons} is for: its {@code parentId}, or,
   * as Tasklist sends back only the form's fields, the parent its read-only {@code parent} names (as
   * the row was filled). A row naming no parent of the case, or one that two parents share, is refused.
   */
  private static String parentOf(String field, JsonNode entry, List<Parent> all) {
    if (entry.hasNonNull("parentId")) {
      String id = entry.path("parentId").asText();
      if (all.stream().noneMatch(parent -> parent.id().equals(id))) {
        throw new InvalidInputException(field, "names parent \"" + id + "\", who is not a parent of this case");
      }
      return id;
    }
    String named = entry.path("parent").asText("").strip();
    List<Parent> matches = all.stream()
        .filter(parent -> parent.nameWithStanding().equals(named) || parent.name().equals(named)).toList();
    if (matches.size() != 1) {
      throw new InvalidInputException(field, "names \"" + named + "\", "
          + (matches.isEmpty() ? "who is not a parent of this case" : "which is more than one parent: give parentId"));
    }
    return matches.get(0).id();
  }

  /**
   * The parents a prosecution chosen at the Pupil Planning Meeting is against: the case's parents
   * less those the meeting left out ({@code parentsNotProsecuted}, ids of the case's parents). An
   * id that is not a parent of the case, or leaving every parent out, is refused naming the field.
   */
  private static List<Parent> prosecutedParents(DelegateTask task, List<Parent> parents) {
    Object raw = PARENTS_NOT_PROSECUTED.raw(task);
    if (raw == null) {
      return parents;
    }
    Set<String> leftOut = new LinkedHashSet<>();
    for (JsonNode id : Json.list(Json.parse(PARENTS_NOT_PROSECUTED.name(), raw))) {
      if (parents.stream().noneMatch(parent -> parent.id().equals(id.asText()))) {
        throw new InvalidInputException(PARENTS_NOT_PROSECUTED.name(), "names " + id + ", who is not a parent of this case");
      }
      leftOut.add(id.asText());
    }
    List<Parent> prosecuted = parents.stream().filter(parent -> !leftOut.contains(parent.id())).toList();
    if (prosecuted.isEmpty()) {
      throw new InvalidInputException(
          PARENTS_NOT_PROSECUTED.name(), "leaves every parent out: a prosecution is of at least one parent");
    }
    return prosecuted;
  }

  /**
   * A penalty notice needs the national threshold established for its offence period (DfE "Working
   * together to improve school attendance", August 2024, the national framework for penalty notices;
   * docs/penalty-notices.md). For a pupil the register holds marks for, the marks establish it: the
   * period, proposed or narrowed, has been checked against them ({@link OffencePeriodProposals#check});
   * the form hides the printout then, and one a client sends is not read. Without marks, the officer
   * confirms the school's register printout for the period and the unauthorised sessions it shows:
   * the period must lie within the threshold's school weeks on the school's calendar and hold that
   * many sessions ({@link OffencePeriodProposals#checkPrintout}), and the count must meet the
   * threshold (the NationalThreshold decision); the confirmation goes to the case's history.
   * Otherwise the choice is refused, naming the field. The threshold's numbers are the register's
   * configuration ({@link OffencePeriodProposals#thresholdShown}), never written here.
   */
  private void thresholdEstablished(DelegateTask task) {
    String upn = PUPIL_UPN.get(task);
    Boolean confirmed = Inputs.yesNo(task, THRESHOLD_EVIDENCE_CONFIRMED, false);
    Integer sessions = Inputs.optionalWholeNumber(task, THRESHOLD_EVIDENCE_SESSIONS, 0, 1000);
    if (proposals.hasMarks(upn)) {
      // the marks decide; the form hides the printout (registerHoldsMarks), a client's is not read
      return;
    }
    if (!Boolean.TRUE.equals(confirmed)) {
      throw new InvalidInputException(
          THRESHOLD_EVIDENCE_CONFIRMED.name(),
          "a penalty notice needs the national threshold established for the offence period, and the register holds"
              + " no marks for this pupil: confirm the school's register printout for the period and its unauthorised"
              + " sessions, or choose prosecution, education-supervision-order or further-support");
    }
    if (sessions == null) {
      throw new InvalidInputException(
          THRESHOLD_EVIDENCE_SESSIONS.name(),
          "is required for a penalty notice: the unauthorised sessions (G, N, O, U) the school's register printout"
              + " shows in the offence period");
    }
    LocalDate from = OFFENCE_FROM.get(task);
    LocalDate to = OFFENCE_TO.get(task);
    proposals.checkPrintout(SCHOOL_URN.get(task), from, to, sessions);
    if (!Decisions.nationalThresholdMet(decisions(task), sessions)) {
      throw new InvalidInputException(
          THRESHOLD_EVIDENCE_SESSIONS.name(),
          sessions + " unauthorised sessions do not meet the national threshold (" + proposals.thresholdShown() + "):"
              + " no penalty notice; choose prosecution, education-supervision-order or further-support");
    }
    pathway.record(task, "threshold-evidence-recorded",
        "The school's register printout shows " + sessions + " unauthorised sessions (G, N, O, U) in the offence period "
            + Days.shown(from, to));
  }

  private void futureSchoolDay(DelegateTask task, ProcessVariable<LocalDate> variable) {
    LocalDate day = Inputs.optionalDay(task, variable, calendar.properties().zone());
    if (day == null) {
      return;
    }
    if (!day.isAfter(calendar.today())) {
      throw new InvalidInputException(variable.name(), "must be after today");
    }
    boolean schoolDay;
    try {
      schoolDay = calendar.isSchoolDay(day);
    } catch (IllegalStateException e) {
      throw new InvalidInputException(variable.name(), "is beyond the term dates the authority has configured");
    }
    if (!schoolDay) {
      throw new InvalidInputException(variable.name(), Days.shown(day) + " is not a school day (weekend, holiday or bank holiday)");
    }
  }

  private static DecisionService decisions(DelegateTask task) {
    return task.getProcessEngineServices().getDecisionService();
  }
}
