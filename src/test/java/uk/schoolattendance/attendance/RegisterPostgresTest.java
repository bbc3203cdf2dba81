package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.process.Upn;

/**
 * The register on a real PostgreSQL (embedded), through the application's API as in production:
 * marks written with COPY and INSERT ... ON CONFLICT, the same file twice, a correction kept, a CTF,
 * the figures' window functions, identification into a review task.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class RegisterPostgresTest {

  static uk.schoolattendance.PostgresApplication onPostgres;
  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext app;
  static RestClient rest;

  @BeforeAll
  static void startOnPostgres() throws IOException {
    onPostgres = uk.schoolattendance.PostgresApplication.start("registerPostgresTest", "attendance.register.batch-size=100");
    postgres = onPostgres.postgres();
    app = onPostgres.context();
    rest = onPostgres.rest();
  }

  @AfterAll
  static void stop() {
    if (onPostgres != null) {
      onPostgres.close();
    }
  }


  @BeforeEach
  void today() {
    RegisterApi.today(LocalDate.of(2026, 11, 25));
  }

  @Test
  void marksGoInWithCopyOnceAndTheFiguresComeOutOfTheDatabase() {
    SchoolDays days = app.getBean(RegisterCalendars.class).of(100001);
    String upn = Upn.of(700_500_000_001L);
    CsvFile file = new CsvFile();
    for (int n = 0; n < 30; n++) {
      file.days(Upn.of(700_500_000_100L + n), "100001", days, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 13),
          (day, session) -> "/");
    }
    for (LocalDate monday = LocalDate.of(2026, 9, 14); !monday.isAfter(LocalDate.of(2026, 11, 23)); monday = monday.plusWeeks(1)) {
      if (!monday.equals(LocalDate.of(2026, 10, 26))) { // half term
        file.mark(upn, "100001", monday, "AM", "O").mark(upn, "100001", monday, "PM", "\\");
      }
    }
    Map first = csv("datateam", file.text());
    assertThat(first).containsEntry("rowsRead", 620).containsEntry("rowsAccepted", 620).containsEntry("rowsRejected", 0);
    assertThat(csv("datateam", file.text())).containsEntry("rowsAccepted", 0).containsEntry("rowsUnchanged", 620);

    Map figures = figures(upn, "2026-11-25");
    assertThat(figures)
        .containsEntry("possibleSessions", 20)
        .containsEntry("presentSessions", 10)
        .containsEntry("unauthorisedInLast10SchoolWeeks", 10)
        .containsEntry("thresholdMetOn", "2026-11-23")
        .containsEntry("thresholdWindowFrom", "2026-09-14");

    assertThat(csv("school1", CsvFile.HEADER + upn + ",100001,2026-11-23,AM,I\n")).containsEntry("rowsAccepted", 1);
    assertThat(figures(upn, "2026-11-25")).containsEntry("thresholdMetOn", null).containsEntry("authorisedAbsence", 1);
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForList("SELECT old_code, new_code FROM att_mark_change c JOIN att_pupil p ON p.pupil_id = c.pupil_id"
        + " WHERE p.upn = ?", upn)).containsExactly(Map.of("old_code", "O", "new_code", "I"));
    assertThat(jdbc.queryForObject("SELECT code FROM att_mark m JOIN att_pupil p ON p.pupil_id = m.pupil_id"
        + " WHERE p.upn = ? AND m.session_no = 1 FETCH FIRST 1 ROWS ONLY", String.class, upn)).isEqualTo("\\");
  }

  @Test
  void aCommonTransferFileAndIdentificationWorkOnPostgres() throws IOException {
    String ctf = new String(getClass().getResourceAsStream("/register/ctf-riverside-2026-11-20.xml").readAllBytes(),
        StandardCharsets.UTF_8);
    Map answer = rest.post().uri("/api/attendance/imports").contentType(MediaType.APPLICATION_XML)
        .headers(h -> h.setBasicAuth("school1", "school1")).body(ctf).retrieve().body(Map.class);
    assertThat(answer).containsEntry("rowsAccepted", 302).containsEntry("rowsRejected", 30);
    assertThat(figures("K700300000002", "2026-11-20")).containsEntry("thresholdMetOn", "2026-10-16");

    int importId = (Integer) answer.get("importId");
    RuntimeService runtime = app.getBean(RuntimeService.class);
    ManagementService management = app.getBean(ManagementService.class);
    String identification = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(IdentificationRequests.businessKey(importId)).singleResult().getId();
    for (Job job : management.createJobQuery().processInstanceId(identification).list()) {
      management.executeJob(job.getId());
    }
    List<String> identified = app.getBean(TaskService.class).createTaskQuery()
        .processDefinitionKey(ReviewIdentifiedPupils.KEY)
        .processVariableValueEquals(ReviewIdentifiedPupils.SCHOOL_URN.name(), "100001").list().stream()
        .map(task -> String.valueOf(app.getBean(TaskService.class).getVariable(task.getId(), "identifiedPupils")))
        .toList();
    assertThat(identified).hasSize(1);
    assertThat(identified.get(0)).contains("K700300000002").contains("threshold-met").doesNotContain("W700300000001");
  }

  private static Map csv(String user, String body) {
    return rest.post().uri("/api/attendance/imports").contentType(MediaType.parseMediaType("text/csv"))
        .headers(h -> h.setBasicAuth(user, user)).body(body).retrieve().body(Map.class);
  }

  private static Map figures(String upn, String asOf) {
    return rest.get().uri("/api/pupils/" + upn + "/attendance?asOf=" + asOf)
        .headers(h -> h.setBasicAuth("officer", "officer")).retrieve().body(Map.class);
  }

  @org.junit.jupiter.api.AfterEach
  void resetClockAndCheckTheYearsTotals() {
    TestClock.reset();
    assertThat(AttendanceImportApiTest.totalsDifferingFromMarks(app.getBean(JdbcTemplate.class),
        "CAST(EXTRACT(YEAR FROM mark_date - INTERVAL '8 months') AS SMALLINT)")).isZero();
  }
}
