package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.process.Upn;

/**
 * The daily step that moves cases after their pupils ({@link MovedPupilCases}) on a real PostgreSQL
 * (embedded), as every node of a cluster runs it: two runs at once, each in its own thread with its
 * own connection, wait on the step's row lock ({@code att_daily_step}, V461, {@code SELECT ... FOR
 * UPDATE}); the first to take it runs the day and moves each case, the other finds the day done. H2's
 * locking is not PostgreSQL's, so the lock is shown here (docs/register.md, "On the day, without an
 * import").
 */
class MovedPupilCasesPostgresTest {

  static final LocalDate LEFT_ON = LocalDate.of(2026, 11, 25);

  static uk.schoolattendance.PostgresApplication onPostgres;
  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext app;
  static RestClient rest;

  @BeforeAll
  static void startOnPostgres() throws IOException {
    onPostgres = uk.schoolattendance.PostgresApplication.start("movedPupilCasesPostgresTest");
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


  @AfterEach
  void realTime() {
    TestClock.reset();
  }

  @Test
  void twoRunsAtOnceWaitOnTheStepsRowLockAndOnlyOneMovesEachCase() throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    MovedPupilCases step = app.getBean(MovedPupilCases.class);
    RegisterApi.today(LEFT_ON);
    List<ProcessInstance> cases = new ArrayList<>();
    for (long n = 1; n <= 3; n++) {
      String upn = Upn.of(700_505_000_000L + n);
      movedToHillcrestAfter(upn);
      cases.add(startCaseAtRiverside(runtime, upn));
    }
    // the step last ran on the leaving date; the next day's run moves the cases
    jdbc.update("UPDATE att_daily_step SET last_day = ?, last_run = ? WHERE step = ?", java.sql.Date.valueOf(LEFT_ON),
        new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime()), MovedPupilCases.STEP);
    ClockUtil.setCurrentTime(Date.from(LEFT_ON.plusDays(1).atTime(0, 15).atZone(RegisterApi.LONDON).toInstant()));

    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<MovedPupilCases.Outcome> outcomes = new ArrayList<>();
    // a third connection holds the row while both runs start, so both reach the lock before either has it
    try (Connection holder = app.getBean(DataSource.class).getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock = holder.prepareStatement("SELECT last_day FROM att_daily_step WHERE step = ? FOR UPDATE")) {
        lock.setString(1, MovedPupilCases.STEP);
        lock.executeQuery().close();
      }
      List<Future<MovedPupilCases.Outcome>> runs = List.of(nodes.submit(step::runToday), nodes.submit(step::runToday));
      Awaitility.await("both runs waiting on the step's row lock").atMost(Duration.ofMinutes(1))
          .until(() -> waitingOnTheStep(jdbc) == 2);
      holder.commit();
      for (Future<MovedPupilCases.Outcome> run : runs) {
        outcomes.add(run.get());
      }
    } finally {
      nodes.shutdownNow();
    }

    // one run ran the day, the other found it done
    assertThat(outcomes).extracting(MovedPupilCases.Outcome::ran).containsExactlyInAnyOrder(true, false);
    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failed()).isEmpty());
    assertThat(outcomes).extracting(MovedPupilCases.Outcome::casesMoved).containsExactlyInAnyOrder(3, 0);
    // each case followed its pupil once: one move in its history
    for (ProcessInstance attendanceCase : cases) {
      assertThat(runtime.getVariable(attendanceCase.getId(), "schoolUrn")).isEqualTo("100002");
      String history = String.valueOf(runtime.getVariable(attendanceCase.getId(), "history"));
      assertThat(history.split("registration at school 100001 ended on 25 November 2026", -1)).hasSize(2);
    }
    assertThat(jdbc.queryForObject("SELECT last_day FROM att_daily_step WHERE step = ?", java.sql.Date.class,
        MovedPupilCases.STEP).toLocalDate()).isEqualTo(LEFT_ON.plusDays(1));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_daily_step_failure", Integer.class)).isZero();
    // a third run the same day (another node's own schedule) changes nothing
    assertThat(step.runToday().ran()).isFalse();
  }

  /** How many sessions wait for a lock on the step's row. */
  private static int waitingOnTheStep(JdbcTemplate jdbc) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
        + " AND query LIKE '%att_daily_step%FOR UPDATE%' AND pid <> pg_backend_pid()", Integer.class);
  }

  /**
   * A pupil at Riverside (marks to 19 November) on Hillcrest's roll as their main school from 23
   * November, Riverside's registration ending on {@link #LEFT_ON}: off its roll the day after.
   */
  private static void movedToHillcrestAfter(String upn) {
    csv("upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup\n"
        + upn + ",100001,2026-11-18,AM,/,Dana,Double,2016-05-01,5\n" + upn + ",100001,2026-11-19,AM,O\n");
    csv("upn,urn,date,session,code\n" + upn + ",100002,2026-11-23,AM,/\n" + upn + ",100002,2026-11-24,AM,/\n");
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    jdbc.update("UPDATE att_enrolment SET to_date = NULL WHERE pupil_id = (SELECT pupil_id FROM att_pupil WHERE upn = ?)", upn);
    jdbc.update("UPDATE att_enrolment SET to_date = ? WHERE school_urn = 100001"
        + " AND pupil_id = (SELECT pupil_id FROM att_pupil WHERE upn = ?)", java.sql.Date.valueOf(LEFT_ON), upn);
    jdbc.update("UPDATE att_pupil SET school_urn = 100002 WHERE upn = ?", upn);
  }

  private static ProcessInstance startCaseAtRiverside(RuntimeService runtime, String upn) {
    Map<String, Object> start = new HashMap<>();
    start.put("pupilUpn", upn);
    start.put("pupilName", "Dana Double");
    start.put("pupilDateOfBirth", Date.from(LocalDate.of(2016, 5, 1).atStartOfDay(RegisterApi.LONDON).toInstant()));
    start.put("schoolUrn", "100001");
    start.put("parents", SpinValues.jsonValue("[{\"name\":\"Alex Double\",\"address\":\"1 High Street\"}]").create());
    return runtime.startProcessInstanceByKey("AttendanceCase", start);
  }

  @SuppressWarnings("rawtypes")
  private static void csv(String body) {
    Map answer = rest.post().uri("/api/attendance/imports").contentType(MediaType.parseMediaType("text/csv"))
        .headers(h -> h.setBasicAuth("datateam", "datateam")).body(body).retrieve().body(Map.class);
    assertThat(answer).containsEntry("rowsRejected", 0);
  }
}
