package uk.schoolattendance.attendance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;

/** The open (active) attendance cases, by pupil, with the figures each case holds. */
@Component
class OpenCases {

  static final int PAGE = 1000;
  /** The pupils one query of {@link #withOpenCase} asks about (one condition each). */
  static final int UPNS_AT_ONCE = 100;

  /** An open case, its figures and its school. */
  record OpenCase(
      String processInstanceId, String caseReference, Double attendancePercent, Integer unauthorisedSessions,
      String schoolUrn) {

    /** Whether the register's figures differ from the case's. */
    boolean differs(Figures f) {
      return !Objects.equals(attendancePercent, f.attendancePercent())
          || !Objects.equals(unauthorisedSessions, f.unauthorisedInLast10SchoolWeeks());
    }
  }

  private final RuntimeService runtime;

  OpenCases(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Every active case by the UPN of its pupil. */
  Map<String, OpenCase> byUpn() {
    Map<String, OpenCase> byUpn = new HashMap<>();
    for (int first = 0; ; first += PAGE) {
      List<ProcessInstance> page = runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY).active()
          .orderByProcessInstanceId().asc().listPage(first, PAGE);
      if (page.isEmpty()) {
        break;
      }
      Map<String, Map<String, Object>> values = new HashMap<>();
      List<String> ids = new ArrayList<>(page.stream().map(ProcessInstance::getId).toList());
      for (int from = 0; ; from += PAGE) {
        List<VariableInstance> variables = runtime.createVariableInstanceQuery()
            .processInstanceIdIn(ids.toArray(String[]::new))
            .variableNameIn(AttendanceCase.PUPIL_UPN.name(), AttendanceCase.ATTENDANCE_PERCENT.name(),
                AttendanceCase.UNAUTHORISED_SESSIONS.name(), AttendanceCase.SCHOOL_URN.name())
            .disableCustomObjectDeserialization()
            .listPage(from, PAGE);
        for (VariableInstance v : variables) {
          if (v.getExecutionId().equals(v.getProcessInstanceId())) {
            values.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
          }
        }
        if (variables.size() < PAGE) {
          break;
        }
      }
      for (ProcessInstance instance : page) {
        Map<String, Object> v = values.getOrDefault(instance.getId(), Map.of());
        if (v.get(AttendanceCase.PUPIL_UPN.name()) instanceof String upn) {
          byUpn.put(upn, new OpenCase(instance.getId(), instance.getBusinessKey(),
              v.get(AttendanceCase.ATTENDANCE_PERCENT.name()) instanceof Number n ? n.doubleValue() : null,
              v.get(AttendanceCase.UNAUTHORISED_SESSIONS.name()) instanceof Number n ? n.intValue() : null,
              v.get(AttendanceCase.SCHOOL_URN.name()) instanceof String urn ? urn : null));
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    return byUpn;
  }

  /**
   * Which of these pupils have an open case: two queries per {@value #UPNS_AT_ONCE} pupils, not one
   * a pupil. Each asks the engine for the cases of those pupils together.
   */
  java.util.Set<String> withOpenCase(java.util.Collection<String> upns) {
    List<String> wanted = new ArrayList<>(new java.util.LinkedHashSet<>(upns));
    wanted.remove(null);
    java.util.Set<String> open = new java.util.HashSet<>();
    for (int from = 0; from < wanted.size(); from += UPNS_AT_ONCE) {
      List<String> some = wanted.subList(from, Math.min(wanted.size(), from + UPNS_AT_ONCE));
      org.camunda.bpm.engine.runtime.ProcessInstanceQuery query = runtime.createProcessInstanceQuery()
          .processDefinitionKey(AttendanceCase.KEY).or();
      some.forEach(upn -> query.variableValueEquals(AttendanceCase.PUPIL_UPN.name(), upn));
      List<String> ids = query.endOr().list().stream().map(ProcessInstance::getId).toList();
      if (ids.isEmpty()) {
        continue;
      }
      for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(ids.toArray(String[]::new))
          .variableName(AttendanceCase.PUPIL_UPN.name()).disableCustomObjectDeserialization().list()) {
        if (v.getExecutionId().equals(v.getProcessInstanceId()) && v.getValue() instanceof String upn) {
          open.add(upn);
        }
      }
    }
    return open;
  }

  /** The open case of this pupil (its figures not read), if any. */
  OpenCase of(String upn) {
    List<ProcessInstance> found = runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY)
        .variableValueEquals(AttendanceCase.PUPIL_UPN.name(), upn).listPage(0, 1);
    return found.isEmpty() ? null : new OpenCase(found.get(0).getId(), found.get(0).getBusinessKey(), null, null,
        AttendanceCase.SCHOOL_URN.from(runtime.getVariable(found.get(0).getId(), AttendanceCase.SCHOOL_URN.name())));
  }
}
