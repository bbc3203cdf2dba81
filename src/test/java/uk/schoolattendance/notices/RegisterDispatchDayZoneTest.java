package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import org.camunda.bpm.engine.ProcessEngine;
import org.h2.util.DateTimeUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.schoolattendance.ProcessEngineFixture;

/**
 * The register lists prepared notices by the day, in England ({@code attendance.calendar.zone}),
 * on which "Post or hand over the notice" is due, whatever the server's zone: a letter due late in
 * the evening in England is due that day, though it is already the next morning on a server in
 * New Zealand.
 */
class RegisterDispatchDayZoneTest {

  static final LocalDate TODAY = LocalDate.of(2027, 5, 27);

  static ProcessEngineFixture fixture;
  static ProcessEngine engine;

  TimeZone serverZone;
  JdbcTemplate jdbc;
  PenaltyNoticeRegister register;

  @BeforeAll
  static void startEngine() {
    fixture = ProcessEngineFixture.builder("register-dispatch-day-zone-test").build();
    engine = fixture.configuration.buildProcessEngine(); // the engine's tables and all the project's migrations
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void aServerInNewZealand() {
    serverZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
    DateTimeUtils.resetCalendar(); // H2 reads the JVM's zone again for each new connection
    jdbc = fixture.jdbc;
    // the application's register, configured for England (attendance.calendar.zone Europe/London)
    register = fixture.register;
    assertThat(fixture.calendar.properties().zone()).isEqualTo(ZoneId.of("Europe/London"));
  }

  @AfterEach
  void tearDown() {
    TimeZone.setDefault(serverZone);
    DateTimeUtils.resetCalendar();
  }

  @Test
  void aLetterDueLateInTheEveningInEnglandComesBeforeOneDueTheNextMorning() {
    // PN-1993-000001 prepared yesterday, PN-1993-000002 the day before: on the same "post by" day the newer comes first
    BulkNotices.prepared(jdbc, "AC-ZONE", 1993, 2, TODAY, 0);
    dueAt("PN-1993-000002", "2027-05-28T21:30:00Z"); // 22:30 on 28 May in England, 09:30 on 29 May in Auckland
    dueAt("PN-1993-000001", "2027-05-29T08:00:00Z"); // 09:00 on 29 May in England, 20:00 on 29 May in Auckland

    List<String> order = register.byDeadline(RegisterQuery.ofPage(null, "AC-ZONE", 0, 10), TODAY).stream()
        .map(PenaltyNoticeEntry::noticeNumber).toList();
    assertThat(order).containsExactly("PN-1993-000002", "PN-1993-000001");
  }

  private void dueAt(String notice, String due) {
    jdbc.update("UPDATE pn_notice SET process_instance_id = ? WHERE notice_number = ?", "pi-" + notice, notice);
    // a bare task row, as the engine keeps one for a process waiting at "Post or hand over the notice"
    jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
    jdbc.update("INSERT INTO ACT_RU_TASK (ID_, REV_, PROC_INST_ID_, TASK_DEF_KEY_, DUE_DATE_, SUSPENSION_STATE_) VALUES (?, 1, ?, ?, ?, 1)", "task-" + notice,
        "pi-" + notice, PenaltyNotice.DISPATCH_PENALTY_NOTICE.id(), Timestamp.from(Instant.parse(due)));
  }
}
