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
import uk.schoolattendance.schools.DateValues;
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
    String schoolUrn = (String) execution.getVariable("schoolUrn");
    JsonNode chosen = IdentifiedPupils.JSON.valueToTree(List.of());
    try {
      chosen = IdentifiedPupils.JSON.readTree(String.valueOf(execution.getVariable("casesToOpen")));
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
      ProcessInstance instance = runtime.startProcessInstanceByKey(OpenCases.CASE, caseVariables(upn, schoolUrn));
      result.put("caseReference", instance.getBusinessKey());
    }
    execution.setVariable("casesOpened", SpinValues.jsonValue(opened.toString()).create());
  }

  /** The start variables of a case for a pupil of the register. */
  Map<String, Object> caseVariables(String upn, String schoolUrn) {
    AttendanceRegister.Pupil pupil = register.pupil(upn).orElseThrow();
    Figures figures = register.figures(upn, calendar.today()).orElseThrow();
    ArrayNode parents = IdentifiedPupils.JSON.createArrayNode();
    int n = 0;
    for (AttendanceRegister.Contact contact : register.contacts(upn)) {
      if (contact.address() != null && !Boolean.FALSE.equals(contact.parentalResponsibility())) {
        ObjectNode parent = parents.addObject();
        parent.put("id", "parent-" + (++n));
        parent.put("name", contact.name());
        parent.put("address", contact.address());
      }
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("pupilUpn", pupil.upn());
    variables.put("pupilName", pupil.name());
    variables.put("pupilDateOfBirth", DateValues.toDate(pupil.dateOfBirth(), calendar.properties().zone()));
    variables.put("schoolUrn", schoolUrn);
    variables.put("route", "support-first");
    variables.put("entryLevel", 1);
    variables.put("parents", SpinValues.jsonValue(parents.toString()).create());
    variables.putAll(Identification.figuresVariables(figures));
    return variables;
  }
}
