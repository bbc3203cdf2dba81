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
import uk.schoolattendance.attendance.AttendanceRegister;
import uk.schoolattendance.attendance.Figures;

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
  @Autowired AttendanceRegister register;
  @Autowired uk.schoolattendance.attendance.RegisterCalendars calendars;

  @Test
  void inTheFirstWeeksOfASchoolYearTheRegisterAlsoHoldsLastYear() {
    var days = calendars.of(100001);
    // Monday 6 September 2027: two school days of 2027-28 so far; with them alone no pupil has a history
    assertThat(DemoRegister.from(days, LocalDate.of(2027, 9, 6))).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(DemoRegister.from(days, LocalDate.of(2027, 10, 1))).isEqualTo(LocalDate.of(2026, 9, 1));
    // well into the autumn term: this academic year to date, as a school's register shows it
    assertThat(DemoRegister.from(days, LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(DemoRegister.from(days, LocalDate.of(2027, 11, 25))).isEqualTo(LocalDate.of(2027, 9, 1));
    assertThat(DemoRegister.from(days, LocalDate.of(2028, 7, 20))).isEqualTo(LocalDate.of(2027, 9, 1));
  }

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
    List<Figures> figures = List.copyOf(register.figures(
        jdbc.queryForList("SELECT upn FROM att_pupil", String.class), LocalDate.of(2026, 11, 25)).values());
    assertThat(figures).hasSize(300);
    assertThat(figures.stream().filter(f -> List.of("persistent", "severe", "chronic").contains(f.band()))).hasSizeBetween(40, 80);
    assertThat(figures.stream().filter(f -> List.of("severe", "chronic").contains(f.band()))).hasSizeBetween(5, 25);
    assertThat(figures.stream().filter(f -> f.thresholdMetOn() != null)).hasSizeBetween(10, 60);
    assertThat(tasks.createTaskQuery().processDefinitionKey("ReviewIdentifiedPupils").list())
        .extracting(t -> tasks.getVariable(t.getId(), "schoolUrn"))
        .containsExactlyInAnyOrder("100001", "100002");
    assertThat(register.pupilsAt("100002", LocalDate.of(2026, 11, 25))).hasSize(150);
    List<AttendanceRegister.TargetingFlag> flagged = register.targetingFlags("100001", "2026-27");
    assertThat(flagged).isNotEmpty().allSatisfy(flag -> assertThat(flag.band()).isIn("severe", "chronic"));
    assertThat(flagged).extracting(AttendanceRegister.TargetingFlag::upn)
        .allSatisfy(upn -> assertThat(register.figures(upn, LocalDate.of(2026, 11, 25)).orElseThrow().band())
            .isIn("severe", "chronic"));
  }
}
