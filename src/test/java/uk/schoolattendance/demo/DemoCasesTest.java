package uk.schoolattendance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A first start of the demo looks like a working team: every level, both schools, late work, notices. */
@SpringBootTest(properties = "attendance.demo.cases=true")
@ActiveProfiles({"demo", "test"})
class DemoCasesTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired DemoCases demoCases;

  @Test
  void casesAtEveryLevelForBothSchools() {
    for (String school : new String[] {"100001", "100002"}) {
      Set<Object> levels = new TreeSet<>();
      for (ProcessInstance instance :
          runtime.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
              .variableValueEquals("schoolUrn", school).listPage(0, 100)) {
        levels.add(runtime.getVariable(instance.getId(), "level"));
      }
      assertThat(levels).as(school).contains(1, 2, 3, 4);
    }
  }

  @Test
  void reviewsAreDueAndSomeWorkIsOverdue() {
    assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_ReviewAttendance").count()).isGreaterThanOrEqualTo(2);
    assertThat(tasks.createTaskQuery().dueBefore(new Date()).count()).isGreaterThanOrEqualTo(1);
    assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_HoldPupilPlanningMeeting").count()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void penaltyNoticesPaidAndUnpaid() {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pn_notice WHERE status = 'paid'", Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pn_notice WHERE status = 'issued'", Integer.class)).isEqualTo(1);
  }

  @Test
  void aSecondStartAddsNothing() {
    long before = runtime.createProcessInstanceQuery().count();
    demoCases.createDemoCases(null);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }
}
