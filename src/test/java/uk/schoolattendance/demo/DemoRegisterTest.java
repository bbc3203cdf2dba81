package uk.schoolattendance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo register on first start: both demo schools' pupils with marks for the year to date,
 * imported through the register's import, realistic (about one in five persistently absent, a few
 * severely, some meeting the threshold through term-time holidays), and identification's tasks.
 */
@SpringBootTest(properties = {"attendance.demo.register=true", "attendance.demo.today=2026-11-25"})
@ActiveProfiles({"demo", "test"})
class DemoRegisterTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  @Test
  void aNewcomerSeesARealisticRegisterAndTheWorkItMakes() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 11, 25).atTime(8, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    List<Map<String, Object>> imports = jdbc.queryForList("SELECT rows_accepted, rows_rejected, state FROM att_import");
    assertThat(imports).hasSize(2).allSatisfy(i -> {
      assertThat(i.get("STATE")).isEqualTo("completed");
      assertThat(i.get("ROWS_REJECTED")).isEqualTo(0);
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_pupil", Integer.class)).isEqualTo(300);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_enrolment WHERE school_urn = 100002", Integer.class)).isEqualTo(150);

    for (Job job : management.createJobQuery().processDefinitionKey("IdentifyAttendanceConcerns").list()) {
      management.executeJob(job.getId());
    }
    Map<String, Object> bands = jdbc.queryForMap(
        "SELECT SUM(CASE WHEN band IN ('persistent', 'severe', 'chronic') THEN 1 ELSE 0 END) AS persistent,"
            + " SUM(CASE WHEN band IN ('severe', 'chronic') THEN 1 ELSE 0 END) AS severe,"
            + " SUM(CASE WHEN threshold_met_on IS NOT NULL THEN 1 ELSE 0 END) AS threshold,"
            + " COUNT(*) AS pupils FROM att_pupil_status");
    assertThat(((Number) bands.get("PUPILS")).intValue()).isEqualTo(300);
    assertThat(((Number) bands.get("PERSISTENT")).intValue()).isBetween(40, 80);
    assertThat(((Number) bands.get("SEVERE")).intValue()).isBetween(5, 25);
    assertThat(((Number) bands.get("THRESHOLD")).intValue()).isBetween(10, 60);
    assertThat(tasks.createTaskQuery().processDefinitionKey("ReviewIdentifiedPupils").list())
        .extracting(t -> tasks.getVariable(t.getId(), "schoolUrn"))
        .containsExactlyInAnyOrder("100001", "100002");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_targeting_flag", Integer.class)).isPositive();
  }
}
