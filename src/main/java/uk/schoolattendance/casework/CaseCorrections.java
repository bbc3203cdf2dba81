package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.HISTORY;
import static uk.schoolattendance.casework.AttendanceCase.LEVEL;
import static uk.schoolattendance.casework.AttendanceCase.PARENTS;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_DATE_OF_BIRTH;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_NAME;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_UPN;
import static uk.schoolattendance.casework.AttendanceCase.SCHOOL_URN;
import static uk.schoolattendance.casework.AttendanceCase.STAGE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.schoolattendance.court.CourtProceedings;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.persons.Persons;
import uk.schoolattendance.process.AsTheApplication;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.ParentStanding;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.security.CurrentUser;
import uk.schoolattendance.process.InvalidInputException;

/**
 * A recorded correction of a case's facts (issue #11 hole 1): the only way a case's pupil, school
 * or parents change once it is open. Who may: attendance officers, senior practitioners and
 * administrators, for a case they can see. The new value is checked by the same rules as a
 * case's start; the case's history records who, when, which field, the old and the new value and
 * why. A case with penalty notices or court proceedings open cannot be corrected (an issued notice
 * is corrected by withdrawing it for a material error). A plain service: the project's API calls
 * it, and the case file pages can.
 *
 * <p>Fields: {@code pupilName}, {@code pupilUpn}, {@code pupilDateOfBirth}, {@code schoolUrn}
 * (the case, its Notice to Improve, its open school task and what the school sees move to the new
 * school), {@code parents} (the whole list), {@code parents/{id}/name},
 * {@code parents/{id}/address}.
 */
@Service
public class CaseCorrections {

  /** The longest child's address a case keeps (as the register's {@code att_pupil.address}). */
  static final int ADDRESS_MAX = 500;

  public static final String EVENT = "fact-corrected";
  /** A liable parent added to an open case (one identified later, e.g. at the Pupil Planning Meeting). */
  public static final String PARENT_ADDED = "parent-added";
  /** The field a new parent's name and address are refused under ({@code parent.name}, {@code parent.address}). */
  public static final String NEW_PARENT = "parent";
  private static final int MAX_CALLED = 100;
  private static final Pattern PARENT_FIELD = Pattern.compile("parents/([^/]+)/(name|address)");

  /** One correction as the case's history records it. */
  public record Correction(
      String caseReference, String field, String from, String to, String reason, String by, String at) {}

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final SchoolDirectory schools;
  private final SchoolCalendar calendar;
  private final CaseSchoolMove schoolMove;
  private final Persons persons;
  private final uk.schoolattendance.process.ParentRelationshipsInUse relationships;

  public CaseCorrections(
      RuntimeService runtimeService,
      HistoryService historyService,
      IdentityService identityService,
      CurrentUser currentUser,
      SchoolDirectory schools,
      SchoolCalendar calendar,
      CaseSchoolMove schoolMove,
      Persons persons,
      uk.schoolattendance.process.ParentRelationshipsInUse relationships) {
    this.relationships = relationships;
    this.persons = persons;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.currentUser = currentUser;
    this.schools = schools;
    this.calendar = calendar;
    this.schoolMove = schoolMove;
  }

  /** Corrects one fact of the open case with this reference; refused as bad input, 403 or 404 otherwise. */
  @Transactional
  public Correction correct(String caseReference, String field, Object value, String reason) {
    if (!currentUser.mayCorrectCases()) {
      throw new AuthorizationException("correcting a case's facts is for attendance officers, senior practitioners and administrators");
    }
    String by = currentUser.userId();
    String name = Inputs.requiredText("field", field, 100);
    String why = Inputs.requiredText("reason", reason, Inputs.TEXT_MAX);
    ProcessInstance instance = openCase(caseReference);
    // checked above: the correction itself is the application's
    return AsTheApplication.call(identityService, () -> apply(instance, caseReference, name, value, why, by));
  }

  /**
   * The register recorded that the case's pupil is no longer on the roll of the case's school and
   * is registered at {@code toUrn} (a move with a leaving date): the open case follows the pupil,
   * as a correction of {@code schoolUrn} by the application ("system") with {@code reason} in its
   * history. What the old school saw of the case, and its open school task, become the new school's
   * ({@link CaseSchoolMove}). A case in its penalty-notice or court stage ({@link #enforcementStageOpen})
   * is left as it is (their notices and evidence stand for the old school's period): false. No such open
   * case: false. A refusal that undid the transaction is thrown, not answered false.
   */
  @Transactional
  public boolean followPupilToSchool(String caseReference, String toUrn, String reason) {
    // the register's record decides, whoever sent it
    return AsTheApplication.call(identityService, () -> {
      ProcessInstance instance;
      try {
        instance = openCase(caseReference);
      } catch (NotFoundException closed) {
        return false;
      }
      if (enforcementStageOpen(instance.getId())) {
        return false;
      }
      try {
        apply(instance, caseReference, SCHOOL_URN.name(), toUrn, reason, "system");
        return true;
      } catch (NotFoundException | InvalidInputException sameSchoolOrNotServed) {
        if (org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().isRollbackOnly()) {
          // refused inside an engine command, whose transaction is undone: a failure to report, not a case left as it is
          throw sameSchoolOrNotServed;
        }
        return false;
      }
    });
  }

  /**
   * Adds a liable parent to the open case: checked by the one reader of parents ({@link
   * Parents#of}, as a case's start checks each), made a person ({@link Persons#resolveAll}, as at
   * the start), appended to the case's {@code parents} (so the search table indexes them and a
   * later penalty notice route gives them a notice of their own) and recorded in the case's
   * history with who and when. The case only: a running Notice to Improve keeps the parents its
   * letters were for, and a parent added after it was issued is named on the Pupil Planning
   * Meeting's form as not having received it ({@link NoticeToImproveReceipts}). Refused, naming the field and changing nothing, for a bad name or
   * address, for a person the case already names, and while penalty notices or court proceedings
   * are open (as every correction); who may is who may correct a case. With the parent's relationship to the child and
   * whether they have parental responsibility and day-to-day care ({@link ParentStanding}: each
   * optional, "Not recorded" when absent; a value given must be an allowed one, refused under
   * {@code parent.relationship}, {@code parent.parentalResponsibility}, {@code parent.dayToDayCare}).
   */
  @Transactional
  public Correction addParent(
      String caseReference, Object name, Object address, Object relationship, Object parentalResponsibility, Object dayToDayCare) {
    refuseUnlessMayAddParents();
    String by = currentUser.userId();
    Parent given = Parents.of(NEW_PARENT, null, name, address, NEW_PARENT)
        .withStanding(ParentStanding.of(NEW_PARENT, relationship, parentalResponsibility, dayToDayCare, relationships()));
    ProcessInstance instance = openCase(caseReference);
    // checked above: the change itself is the application's
    return AsTheApplication.call(identityService, () -> {
      String caseId = instance.getId();
      refuseWhileEnforcementIsOpen(caseId, NEW_PARENT);
      List<Parent> parents = parents(caseId);
      String personId = CaseParents.asPersons(NEW_PARENT, List.of(given), persons).get(0).id();
      for (Parent parent : parents) {
        if (parent.id().equals(personId)) {
          throw new InvalidInputException(
              NEW_PARENT + ".name", "and address are those of a parent the case already has (" + personId + ")");
        }
      }
      List<Parent> added = new ArrayList<>(parents);
      added.add(given.withId(personId));
      Change change = parentsChange(parents, added);
      String text = given.name() + ", " + given.address() + " (" + personId + ")"
          + (given.standing().notRecorded() ? "" : ": " + given.standing().words());
      // the case only: a Notice to Improve already running keeps the parents its letters were for
      return record(caseId, caseReference, NEW_PARENT, change, PARENT_ADDED, text, text, by, false,
          NoticeToImproveReceipts.added(runtimeService, caseId, parents, added));
    });
  }

  /** Who may add a parent is who may correct a case: 403 for anyone else, before their input is read. */
  void refuseUnlessMayAddParents() {
    if (!currentUser.mayCorrectCases()) {
      throw new AuthorizationException("adding a parent to a case is for attendance officers, senior practitioners and administrators");
    }
  }

  private ProcessInstance openCase(String caseReference) {
    ProcessInstance instance =
        caseReference == null
            ? null
            : runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(AttendanceCase.KEY)
                .processInstanceBusinessKey(caseReference)
                .singleResult();
    if (instance == null) {
      throw new NotFoundException("no open case " + caseReference);
    }
    return instance;
  }

  private Correction apply(ProcessInstance instance, String caseReference, String field, Object value, String reason, String by) {
    String caseId = instance.getId();
    refuseWhileEnforcementIsOpen(caseId, "field");
    Change change = change(caseId, field, value);
    if (Objects.equals(change.from(), change.to())) {
      throw new InvalidInputException("value", "the case already holds " + change.to());
    }
    String text = field + ": " + change.from() + " → " + change.to() + ": " + reason;
    if (field.equals(PARENTS.name())) {
      // the whole list, as an added parent (review 2, S3): the case only, since a running Notice to
      // Improve keeps the parents its letters were for, and a parent new to the list is named as such
      return record(caseId, caseReference, field, change, EVENT, text, reason, by, false,
          NoticeToImproveReceipts.added(runtimeService, caseId, parents(caseId), Parents.parse(field, change.to(), calendar.properties().zone())));
    }
    return record(caseId, caseReference, field, change, EVENT, text, reason, by, true, entry -> {});
  }

  /**
   * Whether the case (its process instance) has penalty notices or court proceedings open: then it
   * stays at its school when its pupil moves ({@link #followPupilToSchool}), whoever asks.
   */
  public boolean enforcementOpen(String caseId) {
    return AsTheApplication.call(identityService, () -> runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseId)
        .processDefinitionKeyIn(PenaltyNotice.KEY, CourtProceedings.KEY).count() > 0);
  }

  /**
   * Whether the case is in its penalty-notice or court stage ({@link AttendanceCase#ENFORCEMENT_STAGE}):
   * notices or proceedings open, or the case between them, e.g. waiting at "Decide what follows the
   * withdrawal", from which a corrected notice for the same period may follow. Such a case stays at
   * its school when its pupil moves ({@link #followPupilToSchool}), whoever asks. The one rule, for
   * one case as for a list ({@link #inEnforcementStage}).
   */
  public boolean enforcementStageOpen(String caseId) {
    return caseId != null && !inEnforcementStage(List.of(caseId)).isEmpty();
  }

  /**
   * Which of these cases are in their penalty-notice or court stage ({@link #enforcementStageOpen}),
   * in one query however many: a list of cases (a school's page, the daily step) asks once, not
   * twice a row. A case's notices and proceedings are its children started by the stage's call
   * activities ({@link AttendanceCase#ENFORCEMENT_STAGE}), which wait while they run, so a case
   * with one open is at one of the stage's activities: a notice or proceedings started another way
   * (a process instance modification in Cockpit) starts that activity too, and cancelling the
   * activity ends its child. So the children are not asked about separately.
   */
  public java.util.Set<String> inEnforcementStage(java.util.Collection<String> caseIds) {
    java.util.Set<String> ids = new java.util.HashSet<>(caseIds);
    ids.remove(null);
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    return AsTheApplication.call(identityService, () -> runtimeService.createProcessInstanceQuery()
        .processInstanceIds(ids).activityIdIn(AttendanceCase.ENFORCEMENT_STAGE.toArray(String[]::new)).list().stream()
        .map(ProcessInstance::getId).collect(java.util.stream.Collectors.toUnmodifiableSet()));
  }

  private void refuseWhileEnforcementIsOpen(String caseId, String field) {
    if (enforcementOpen(caseId)) {
      throw new InvalidInputException(
          field, "the case has penalty notices or court proceedings open: a notice is corrected by withdrawing it (material error)");
    }
  }

  /**
   * Stores the changed fact on the case (and, when {@code calledToo}, the running processes it
   * called that hold it) and records it in the case's history ({@code more} adds to the entry).
   */
  private Correction record(
      String caseId, String caseReference, String field, Change change, String event, String text, String reason, String by,
      boolean calledToo, Consumer<ObjectNode> more) {
    for (String id : calledToo ? caseAndCalled(caseId) : List.of(caseId)) {
      // the case always holds the corrected fact (an optional one, e.g. pupilAddress, may be new); a called process only if it has it
      if (id.equals(caseId) || runtimeService.getVariable(id, change.variable().name()) != null) {
        runtimeService.setVariable(id, change.variable().name(), change.stored());
      }
    }
    if (change.variable() == SCHOOL_URN) {
      schoolMove.move(caseAndCalled(caseId), change.from(), change.to());
    }
    ArrayNode history = Json.list(HISTORY.from(runtimeService.getVariable(caseId, HISTORY.name())));
    ObjectNode entry =
        CasePathway.entry(
            history,
            LEVEL.from(runtimeService.getVariable(caseId, LEVEL.name())),
            STAGE.from(runtimeService.getVariable(caseId, STAGE.name())),
            event, by, text);
    entry.put("field", field);
    entry.put("from", change.from());
    entry.put("to", change.to());
    more.accept(entry);
    runtimeService.setVariable(caseId, HISTORY.name(), HISTORY.stored(history));
    if (change.variable() == PARENTS) {
      // the Pupil Planning Meeting's form names the parents who have not received the Notice to Improve
      String withoutNotice = NoticeToImproveReceipts.shown(history, parents(caseId), calendar.properties().zone());
      if (withoutNotice == null) {
        runtimeService.removeVariable(caseId, AttendanceCase.PARENTS_WITHOUT_NOTICE_TO_IMPROVE_SHOWN.name());
      } else {
        runtimeService.setVariable(caseId, AttendanceCase.PARENTS_WITHOUT_NOTICE_TO_IMPROVE_SHOWN.name(), withoutNotice);
      }
    }
    return new Correction(caseReference, field, change.from(), change.to(), reason, by, entry.path("date").asText());
  }

  /** A new value, checked and normalised, with the old one as text. */
  private record Change(ProcessVariable<?> variable, Object stored, String from, String to) {}

  private Change change(String caseId, String field, Object value) {
    if (field.equals(PUPIL_NAME.name())) {
      String name = Inputs.requiredText(field, value, CaseFacts.PUPIL_NAME_MAX);
      return new Change(PUPIL_NAME, name, text(caseId, PUPIL_NAME), name);
    }
    if (field.equals(PUPIL_UPN.name())) {
      String upn = Inputs.upn(field, value);
      return new Change(PUPIL_UPN, upn, text(caseId, PUPIL_UPN), upn);
    }
    if (field.equals(SCHOOL_URN.name())) {
      String urn = schools.requireServed(field, Inputs.schoolUrn(field, value));
      return new Change(SCHOOL_URN, urn, text(caseId, SCHOOL_URN), urn);
    }
    if (field.equals(PUPIL_DATE_OF_BIRTH.name())) {
      LocalDate born = Inputs.required(field, Inputs.day(field, value, calendar.properties().zone()), "is required (a date, e.g. 2014-03-01)");
      if (born.isAfter(calendar.today())) {
        throw new InvalidInputException(field, "must not be in the future");
      }
      LocalDate old = uk.schoolattendance.process.VariableType.day(calendar.properties().zone())
          .read(field, runtimeService.getVariable(caseId, field));
      return new Change(PUPIL_DATE_OF_BIRTH, PUPIL_DATE_OF_BIRTH.stored(born), old == null ? null : old.toString(), born.toString());
    }
    if (field.equals(AttendanceCase.PUPIL_ADDRESS.name())) {
      String address = Inputs.requiredText(field, value, ADDRESS_MAX);
      return new Change(AttendanceCase.PUPIL_ADDRESS, address, text(caseId, AttendanceCase.PUPIL_ADDRESS), address);
    }
    List<Parent> parents = parents(caseId);
    if (field.equals(PARENTS.name())) {
      // a parent new to the list becomes a person, as at the start and as an added parent does
      // a relationship the council has since removed stays on a parent whose relationship is unchanged
      return parentsChange(parents, CaseParents.asPersons(field, Parents.given(field, value, parents, relationships(), calendar.properties().zone()), persons));
    }
    Matcher parent = PARENT_FIELD.matcher(field);
    if (parent.matches()) {
      List<Parent> corrected = new ArrayList<>();
      boolean found = false;
      for (Parent p : parents) {
        if (p.id().equals(parent.group(1))) {
          found = true;
          Parent fixed =
              "name".equals(parent.group(2))
                  ? Parents.of(field, p.id(), value, p.address(), p.id())
                  : Parents.of(field, p.id(), p.name(), value, p.id());
          corrected.add(new Parent(fixed.id(), fixed.name(), fixed.address(), p.dateOfBirth(), p.standing()));
        } else {
          corrected.add(p);
        }
      }
      if (!found) {
        throw new InvalidInputException(field, "the case has no parent with id " + parent.group(1));
      }
      return parentsChange(parents, corrected);
    }
    throw new InvalidInputException(
        "field",
        "must be one of pupilName, pupilUpn, pupilDateOfBirth, pupilAddress, schoolUrn, parents, parents/{id}/name,"
            + " parents/{id}/address");
  }

  private Change parentsChange(List<Parent> from, List<Parent> to) {
    JsonNode json = Parents.json(to);
    return new Change(PARENTS, PARENTS.stored(json), Parents.json(from).toString(), json.toString());
  }

  /** The relationships a parent may be given now (attendance.parents.relationships). */
  public uk.schoolattendance.process.ParentRelationships relationships() {
    return relationships.relationships();
  }

  private List<Parent> parents(String caseId) {
    return Parents.parse(PARENTS.name(), runtimeService.getVariable(caseId, PARENTS.name()), calendar.properties().zone());
  }

  private String text(String caseId, ProcessVariable<String> variable) {
    return variable.from(runtimeService.getVariable(caseId, variable.name()));
  }

  /** The case and the processes it has called that are still running (a Notice to Improve). */
  private List<String> caseAndCalled(String caseId) {
    return caseAndCalled(runtimeService, caseId);
  }

  /** The case's process instance and the running ones it called, and theirs. */
  static List<String> caseAndCalled(RuntimeService runtimeService, String caseId) {
    List<String> ids = new ArrayList<>(List.of(caseId));
    for (int i = 0; i < ids.size(); i++) {
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).listPage(0, MAX_CALLED)
          .forEach(called -> ids.add(called.getId()));
    }
    return ids;
  }
}
