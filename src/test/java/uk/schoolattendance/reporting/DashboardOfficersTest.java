package uk.schoolattendance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.identity.Groups;
import uk.schoolattendance.system.StatementCounter;

/**
 * Cockpit's "Open tasks by officer" table: the same figures as counting each officer's tasks one
 * by one, whoever holds them. Second, as a guard beside StatementBudgetTest: each officer costs one
 * count and no more (no task is read into memory to be counted).
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class DashboardOfficersTest {

  @Autowired DashboardController dashboard;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  /** The figures as one count per officer gave them: the rows by who holds the tasks. */
  private Map<String, Long> countedOneByOne() {
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, User> staff = new LinkedHashMap<>();
    for (String group : Groups.CASEWORKERS) {
      identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
          .forEach(user -> staff.putIfAbsent(user.getId(), user));
    }
    long held = 0;
    for (String id : staff.keySet()) {
      long open = taskService.createTaskQuery().taskAssignee(id).count();
      held += open;
      rows.put(id, open);
    }
    long others = taskService.createTaskQuery().taskAssigned().count() - held;
    if (others > 0) {
      rows.put("Held by others (schools, managers)", others);
    }
    rows.put("Not yet claimed", taskService.createTaskQuery().taskUnassigned().count());
    return rows;
  }

  private static Map<String, Long> shown(List<DashboardController.OfficerLoad> loads) {
    Map<String, Long> rows = new LinkedHashMap<>();
    loads.forEach(load -> rows.put(load.userId() == null ? load.name() : load.userId(), load.openTasks()));
    return rows;
  }

  private static long statements(Map<String, Long> byKind) {
    return byKind.values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void theOfficersTableGivesEachOfficersOpenTasksFromOneCountEach() {
    List<String> cases = new ArrayList<>();
    List<String> officers = List.of("dash-officer-1", "dash-officer-2", "dash-officer-3", "dash-officer-4");
    try {
      // two officers hold tasks, one holds two; a school's user holds one
      for (int i = 0; i < 4; i++) {
        String instance = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, CaseFixtures.startVariables()).getId();
        cases.add(instance);
        taskService.setAssignee(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId(),
            i < 2 ? "compliance" : i == 2 ? "officer" : "school2");
      }
      Map<String, Long> before = new LinkedHashMap<>();
      long fewOfficers = statements(StatementCounter.onThisThread(() -> before.putAll(shown(dashboard.dashboard().tasksByOfficer()))));
      assertThat(before).isEqualTo(countedOneByOne());
      assertThat(before.get("compliance")).isGreaterThanOrEqualTo(2);

      for (String id : officers) {
        User user = identityService.newUser(id);
        user.setFirstName("Dash");
        user.setLastName(id);
        identityService.saveUser(user);
        identityService.createMembership(id, Groups.ATTENDANCE_OFFICERS);
      }
      taskService.setAssignee(taskService.createTaskQuery().processInstanceId(cases.get(0)).singleResult().getId(), officers.get(0));
      Map<String, Long> after = new LinkedHashMap<>();
      long moreOfficers = statements(StatementCounter.onThisThread(() -> after.putAll(shown(dashboard.dashboard().tasksByOfficer()))));
      assertThat(after).isEqualTo(countedOneByOne());
      assertThat(after).containsEntry(officers.get(0), 1L).containsEntry(officers.get(1), 0L);
      // four more officers: one count each, however many tasks they hold
      assertThat(moreOfficers).isEqualTo(fewOfficers + officers.size());
    } finally {
      cases.forEach(instance -> runtimeService.deleteProcessInstance(instance, "test"));
      for (String id : officers) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
          identityService.deleteMembership(id, Groups.ATTENDANCE_OFFICERS);
          identityService.deleteUser(id);
        }
      }
    }
  }
}
