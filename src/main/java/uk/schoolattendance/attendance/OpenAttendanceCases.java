package uk.schoolattendance.attendance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * "Open attendance cases" ({@code openAttendanceCases}): reads {@code casesToOpen} and {@code
 * schoolUrn}; starts one {@code AttendanceCase} per pupil chosen that has no open case, with the
 * pupil's name and date of birth and the parents (contacts with parental responsibility and an
 * address) from the register, and the figures from the marks. Sets {@code casesOpened}: each
 * pupil's UPN and case reference. The whole task is one transaction: retried, it opens each case
 * once.
 */
@Component("openAttendanceCases")
class OpenAttendanceCases implements JavaDelegate {

  private final AttendanceRegister register;
  private final OpenCases openCases;
  private final RuntimeService runtime;
  private final SchoolCalendar calendar;

  OpenAttendanceCases(AttendanceRegister register, OpenCases openCases, RuntimeService runtime, SchoolCalendar calendar) {
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
      ProcessInstance instance = runtime.startProcessInstanceByKey(AttendanceCase.KEY, caseVariables(upn, schoolUrn));
      result.put("caseReference", instance.getBusinessKey());
    }
    ReviewIdentifiedPupils.CASES_OPENED.set(execution, opened);
  }

  /** The start variables of a case for a pupil of the register. */
  Map<String, Object> caseVariables(String upn, String schoolUrn) {
    AttendanceRegister.Pupil pupil = register.pupil(upn).orElseThrow();
    Figures figures = register.figures(upn, calendar.today()).orElseThrow();
    ArrayNode parents = IdentifiedPupils.JSON.createArrayNode();
    for (AttendanceRegister.Contact contact : register.liableContacts(upn)) {
      if (contact.address() != null) { // a notice can only be served where a parent lives
        ObjectNode parent = parents.addObject();
        parent.put("name", contact.name());
        parent.put("address", contact.address());
      }
    }
    Map<String, Object> variables = new HashMap<>();
    AttendanceCase.PUPIL_UPN.put(variables, pupil.upn());
    AttendanceCase.PUPIL_NAME.put(variables, pupil.name());
    AttendanceCase.PUPIL_DATE_OF_BIRTH.put(variables, pupil.dateOfBirth()); // a calendar day (ISO text)
    AttendanceCase.SCHOOL_URN.put(variables, schoolUrn);
    AttendanceCase.ROUTE.put(variables, AttendanceCase.SUPPORT_FIRST);
    AttendanceCase.ENTRY_LEVEL.put(variables, 1);
    AttendanceCase.PARENTS.put(variables, parents);
    variables.putAll(Identification.figuresVariables(figures));
    return variables;
  }
}
