package uk.schoolattendance.attendance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.process.ParentRelationships;
import uk.schoolattendance.process.ParentRelationshipsInUse;
import uk.schoolattendance.process.ParentStanding;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * "Open attendance cases" ({@code openAttendanceCases}): reads {@code casesToOpen} and {@code
 * schoolUrn}; starts one {@code AttendanceCase} per pupil chosen that has no open case, with the
 * pupil's name and date of birth and the parents (contacts the school did not say lack parental
 * responsibility, with an address) from the register, each with the relationship and parental
 * responsibility the register holds where it holds them (walk 14, defect 1; review 2, L2), and the
 * figures from the marks. Sets {@code casesOpened}: each pupil's UPN and case reference ({@code
 * alreadyOpen} for a case open already; {@code onAnotherRoll}, without a case, for a pupil who has
 * since joined another school's roll: review 2, L1). The whole task is one transaction: retried, it
 * opens each case once.
 */
@Component("openAttendanceCases")
class OpenAttendanceCases implements JavaDelegate {

  private final AttendanceRegister register;
  private final OpenCases openCases;
  private final RuntimeService runtime;
  private final SchoolCalendar calendar;
  private final ParentRelationshipsInUse relationships;

  OpenAttendanceCases(AttendanceRegister register, OpenCases openCases, RuntimeService runtime, SchoolCalendar calendar,
      ParentRelationshipsInUse relationships) {
    this.relationships = relationships;
    this.register = register;
    this.openCases = openCases;
    this.runtime = runtime;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String schoolUrn = ReviewIdentifiedPupils.SCHOOL_URN.get(execution);
    JsonNode chosen = IdentifiedPupils.JSON.valueToTree(List.of());
    try {
      chosen = IdentifiedPupils.JSON.readTree(String.valueOf(ReviewIdentifiedPupils.CASES_TO_OPEN.raw(execution)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("casesToOpen is not a Json list", e);
    }
    ArrayNode opened = IdentifiedPupils.JSON.createArrayNode();
    for (JsonNode node : chosen) {
      String upn = node.asText();
      OpenCases.OpenCase open = openCases.of(upn);
      ObjectNode result = opened.addObject();
      result.put("upn", upn);
      if (open != null) {
        result.put("caseReference", open.caseReference());
        result.put("alreadyOpen", true);
        continue;
      }
      if (onAnotherRoll(upn, schoolUrn)) {
        // review 2 L1: the case's start refuses a pupil on another school's roll; refused inside
        // this one transaction it would fail the job and open no case of the review at all
        result.put(ON_ANOTHER_ROLL, true);
        continue;
      }
      ProcessInstance instance = runtime.startProcessInstanceByKey(AttendanceCase.KEY, caseVariables(upn, schoolUrn));
      result.put("caseReference", instance.getBusinessKey());
    }
    ReviewIdentifiedPupils.CASES_OPENED.set(execution, opened);
  }

  /** In {@code casesOpened}: the pupil had joined another school's roll by the time the review was completed. */
  static final String ON_ANOTHER_ROLL = "onAnotherRoll";

  /**
   * Whether the register holds the pupil on some school's roll today but not on this school's (the
   * pupil moved after being identified): the case's start refuses that pupil, so no case is opened
   * for them here; the school whose roll they are on now opens it.
   */
  private boolean onAnotherRoll(String upn, String schoolUrn) {
    List<String> onRoll = register.pupil(upn).map(AttendanceRegister.Pupil::schools).orElse(List.of());
    return !onRoll.isEmpty() && !onRoll.contains(schoolUrn);
  }

  /** The start variables of a case for a pupil of the register. */
  Map<String, Object> caseVariables(String upn, String schoolUrn) {
    AttendanceRegister.Pupil pupil = register.pupil(upn).orElseThrow();
    Figures figures = register.figures(upn, calendar.today()).orElseThrow();
    Map<String, Object> variables = new HashMap<>();
    AttendanceCase.PUPIL_UPN.put(variables, pupil.upn());
    AttendanceCase.PUPIL_NAME.put(variables, pupil.name());
    AttendanceCase.PUPIL_DATE_OF_BIRTH.put(variables, pupil.dateOfBirth()); // a calendar day (ISO text)
    AttendanceCase.SCHOOL_URN.put(variables, schoolUrn);
    AttendanceCase.ROUTE.put(variables, AttendanceCase.SUPPORT_FIRST);
    AttendanceCase.ENTRY_LEVEL.put(variables, 1);
    AttendanceCase.PARENTS.put(variables, parents(upn));
    variables.putAll(Identification.figuresVariables(figures));
    return variables;
  }

  /**
   * The parents a case for this pupil takes from the register: each liable contact with an address,
   * its relationship as one in use and its parental responsibility as the register states it. Also
   * what Tasklist's start form is filled with when a case is opened from the case file ({@code GET
   * /api/pupils/{upn}/parents}).
   */
  ArrayNode parents(String upn) {
    ArrayNode parents = IdentifiedPupils.JSON.createArrayNode();
    for (AttendanceRegister.Contact contact : register.liableContacts(upn)) {
      if (contact.address() != null) { // a notice can only be served where a parent lives
        ObjectNode parent = parents.addObject();
        parent.put("name", contact.name());
        parent.put("address", contact.address());
        String relationship = relationship(contact.relationship(), relationships.relationships());
        if (relationship != null) {
          parent.put(ParentStanding.RELATIONSHIP, relationship);
        }
        // parental responsibility (Children Act 1989 s2-s4A) only as the register states it: a blank
        // is "not recorded" on the case (ParentStanding), never "yes". A step-parent holds it only by
        // agreement or order (s4A), a foster carer not at all; liableContacts lists a contact whose
        // PR is blank (liable for "care", Education Act 1996 s576), which says nothing of their PR
        if (contact.parentalResponsibility() != null) {
          parent.put(ParentStanding.PARENTAL_RESPONSIBILITY, contact.parentalResponsibility());
        }
      }
    }
    return parents;
  }

  /**
   * The register's relationship (the school's word, a CTF's code already made a word) as one of the
   * relationships in use ({@code attendance.parents.relationships}): the same word in any case; a
   * step-parent's, foster parent's or everyday word as the one the list has for it ("step-mother"
   * as step-parent, "foster father" as carer, "mum" as mother), where the list has it; any other
   * word as "other" where the list has it, else not recorded. The register keeps the school's own
   * word (its contacts, Find a pupil); a case's parent holds only a relationship the council
   * records, as every other way of recording a parent does.
   */
  static String relationship(String fromRegister, ParentRelationships inUse) {
    if (fromRegister == null || fromRegister.isBlank()) {
      return null;
    }
    String word = fromRegister.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    List<String> allowed = inUse.relationships();
    if (allowed.contains(word)) {
      return word;
    }
    String usual = SYNONYMS.get(word);
    if (usual != null && allowed.contains(usual)) {
      return usual;
    }
    return allowed.contains("other") ? "other" : null;
  }

  /** Words a school's file uses for a relationship the national list names otherwise. */
  private static final Map<String, String> SYNONYMS = Map.ofEntries(
      Map.entry("mum", "mother"),
      Map.entry("mom", "mother"),
      Map.entry("dad", "father"),
      Map.entry("step-mother", "step-parent"),
      Map.entry("step-father", "step-parent"),
      Map.entry("stepmother", "step-parent"),
      Map.entry("stepfather", "step-parent"),
      Map.entry("step parent", "step-parent"),
      Map.entry("stepparent", "step-parent"),
      Map.entry("foster mother", "carer"),
      Map.entry("foster father", "carer"),
      Map.entry("foster carer", "carer"),
      Map.entry("foster parent", "carer"));
}
