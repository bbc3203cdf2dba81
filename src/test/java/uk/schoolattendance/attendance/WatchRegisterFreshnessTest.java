package uk.schoolattendance.attendance;

import uk.schoolattendance.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Date;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.engine.EngineZone;

/**
 * WatchRegisterFreshness checks the registers every weekday at 07:00 in England
 * ({@code attendance.calendar.zone}), on a server kept in UTC too: 06:00Z in summer (BST),
 * 07:00Z in winter. Every path; class coverage must be 100 %.
 */
class WatchRegisterFreshnessTest {

  static final AtomicInteger CHECKS = new AtomicInteger();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(ProcessEngineFixture.builder("watch-register-freshness-test").coverage()
              .replace("registerCheckSchedule", new RegisterCheckSchedule(new StaleDataProperties(3, null)))
              .replace("registerFreshness", (JavaDelegate) execution -> CHECKS.incrementAndGet())
              .replace("engineZone", new EngineZone(ProcessEngineFixture.CALENDAR.properties()))
              .build().configuration)
          .assertClassCoverageAtLeast(1.0)
          .build();

  ProcessEngine processEngine;
  TimeZone serverZone;
  String deployment;

  @BeforeEach
  void aServerInUtc() {
    serverZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
  }

  @AfterEach
  void tearDown() {
    if (deployment != null) {
      processEngine.getRepositoryService().deleteDeployment(deployment, true);
    }
    TestClock.reset();
    TimeZone.setDefault(serverZone);
  }

  @Test
  void inSummerTheRegistersAreCheckedAtSevenInEnglandThatIsSixUtc() {
    at("2027-06-04T12:00:00Z"); // a Friday, British Summer Time
    deploy();
    Job monday = timer();
    assertThat(monday.getDuedate()).isEqualTo(instant("2027-06-07T06:00:00Z"));

    at("2027-06-07T06:00:00Z");
    management().executeJob(monday.getId());
    Job check = management().createJobQuery().processDefinitionKey(WatchRegisterFreshness.KEY).messages().singleResult();
    int before = CHECKS.get();
    management().executeJob(check.getId());
    assertThat(CHECKS.get()).isEqualTo(before + 1);
    HistoricProcessInstance checked = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(WatchRegisterFreshness.KEY).singleResult();
    assertThat(checked.getEndActivityId()).isEqualTo("Event_RegistersChecked");

    // the next check: Tuesday, 07:00 in England again
    assertThat(timer().getDuedate()).isEqualTo(instant("2027-06-08T06:00:00Z"));
  }

  @Test
  void inWinterTheRegistersAreCheckedAtSevenInEnglandThatIsSevenUtcAndNeverAtWeekends() {
    at("2027-11-05T07:30:00Z"); // a Friday after the check, Greenwich Mean Time
    deploy();
    assertThat(timer().getDuedate()).isEqualTo(instant("2027-11-08T07:00:00Z"));
  }

  @Test
  void theTimeOfDayIsConfigured() {
    assertThat(new RegisterCheckSchedule(new StaleDataProperties(3, null)).cycle()).isEqualTo("0 0 7 ? * MON-FRI");
    assertThat(new RegisterCheckSchedule(new StaleDataProperties(3, LocalTime.of(6, 45))).cycle()).isEqualTo("0 45 6 ? * MON-FRI");
  }

  private void deploy() {
    deployment = processEngine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/WatchRegisterFreshness.bpmn").deploy().getId();
  }

  private Job timer() {
    return management().createJobQuery().processDefinitionKey(WatchRegisterFreshness.KEY).timers().singleResult();
  }

  private ManagementService management() {
    return processEngine.getManagementService();
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(instant(instant));
  }

  private static Date instant(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
