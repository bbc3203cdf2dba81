package uk.schoolattendance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The application as a council runs it on one machine (its own JVM, the default H2 file
 * database under ./data, demo profile), killed with SIGKILL while work pours in through the
 * engine REST API and timers fire, then started again: every attendance case whose start was
 * acknowledged is there, every timer fires, every acknowledged penalty notice referral has
 * exactly one notice in the register, and no side effect happens twice.
 *
 * <p>Scaled for the build: the lock time is 10 s instead of 60 s (the restarted node waits for
 * its predecessor's locks to expire), and reviews fall due two seconds after a case starts.
 */
class CrashSafetyTest {

  private static final Pattern BUSINESS_KEY = Pattern.compile("\"businessKey\":\"(LOAD-\\d+)\"");
  private static final Pattern TASK_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String auth =
      "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));

  /** Refusals while the node was up (a few, for the failure message): none are expected. */
  private final List<String> loadingRefusals = new java.util.concurrent.CopyOnWriteArrayList<>();

  @TempDir Path directory;

  @Test
  void killedUnderLoadAndRestartedLosesNothingAndDoesNothingTwice() throws Exception {
    try (Connection connection = DriverManager.getConnection(h2Url(), "sa", "")) {
      connection.createStatement().execute(ProbeEffects.TABLE);
    }
    List<String> arguments =
        List.of(
            "--spring.profiles.active=demo",
            "--camunda.bpm.deployment-resource-pattern=classpath*:bpmn/**/*.bpmn,"
                + "classpath*:bpmn/**/*.dmn,classpath*:forms/**/*.form,classpath*:cluster/*.bpmn",
            "--camunda.bpm.job-execution.lock-time-in-millis=10000",
            "--camunda.bpm.job-execution.wait-time-in-millis=500",
            "--camunda.bpm.job-execution.max-wait=2000");
    NodeProcess node = new NodeProcess("crash-node", arguments).in(directory);
    node.start().awaitReady(Duration.ofMinutes(3));

    Load load = new Load();
    Set<String> acknowledged = load.probes();
    AtomicBoolean loading = new AtomicBoolean(true);
    Thread loader = new Thread(() -> startCases(node, load, loading), "load");
    loader.start();
    try {
      // enough work in flight to make the kill meaningful: probes, cases and referrals all under way.
      // A count, not a rate: on a loaded machine the same work takes longer, and the limit below is
      // only there so a node that stopped answering fails the test instead of hanging it.
      await("cases under way")
          .atMost(Duration.ofMinutes(6))
          .until(() -> acknowledged.size() >= 60 && load.cases().size() >= 3 && load.referrals().size() >= 3);
      node.kill();
    } finally {
      loading.set(false);
      loader.join(Duration.ofSeconds(30).toMillis());
    }
    assertThat(loadingRefusals).isEmpty();
    assertThat(load.cases()).isNotEmpty();
    assertThat(load.referrals()).isNotEmpty();

    node.start().awaitReady(Duration.ofMinutes(3));
    try {
      await("every acknowledged case finished after the restart")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> {
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(finishedKeys(node));
            assertThat(missing).as("acknowledged but not finished; running instances: %s",
                count(node, "/engine-rest/process-instance/count?processDefinitionKey=ClusterProbe")
                + ", all instances: " + count(node, "/engine-rest/history/process-instance/count?processDefinitionKey=ClusterProbe"))
                .isEmpty();
            assertThat(count(node, "/engine-rest/process-instance/count?processDefinitionKey=ClusterProbe")).isZero();
          });
      await("every acknowledged referral issued after the restart")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> count(node, "/engine-rest/job/count?processDefinitionKey=PenaltyNotice&executable=true") == 0);
      assertThat(count(node, "/engine-rest/incident/count")).isZero();
    } finally {
      node.stop();
    }

    Set<String> finished;
    try (Connection connection = DriverManager.getConnection(h2Url(), "sa", "")) {
      JdbcTemplate sql = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
      finished = new HashSet<>(sql.queryForList(
          "select business_key_ from act_hi_procinst where proc_def_key_ = 'ClusterProbe'"
              + " and end_time_ is not null", String.class));
      assertThat(finished).containsAll(acknowledged);
      // Each case recorded once on opening and once at its review: the primary key refuses a
      // second row, so a job run twice would have failed and left a failure in the job log.
      assertThat(sql.queryForObject("select count(*) from probe_effect", Long.class))
          .isEqualTo(2L * finished.size());
      assertThat(sql.queryForObject(
              "select count(*) from act_hi_job_log where process_def_key_ = 'ClusterProbe'"
                  + " and job_state_ = 1", Long.class))
          .isZero();
      // No attendance case acknowledged before the kill is lost.
      Set<String> cases = new HashSet<>(sql.queryForList(
          "select business_key_ from act_hi_procinst where proc_def_key_ = 'AttendanceCase'", String.class));
      assertThat(cases).containsAll(load.cases());
      // Every acknowledged referral (a case naming one parent) has exactly one notice in the register, none twice.
      Map<String, Long> notices = sql.queryForList(
              "select case_reference, count(*) as n from pn_notice where case_reference like 'AC-2026-7%' group by case_reference")
          .stream().collect(Collectors.toMap(row -> (String) row.get("case_reference"), row -> ((Number) row.get("n")).longValue()));
      assertThat(notices.keySet()).containsAll(load.referrals());
      assertThat(notices.values()).allMatch(n -> n == 1L);
      assertThat(sql.queryForObject(
              "select count(*) from act_hi_job_log where process_def_key_ = 'PenaltyNotice' and job_state_ = 1", Long.class))
          .isZero();
    }
    System.out.printf("Acknowledged %d probe cases (finished %d), %d attendance cases, %d penalty notice referrals%n",
        acknowledged.size(), finished.size(), load.cases().size(), load.referrals().size());
  }

  private String h2Url() {
    return "jdbc:h2:file:" + directory.resolve("data/attendance").toAbsolutePath();
  }

  /**
   * Starts work one item after another until stopped and keeps what the engine acknowledged:
   * probe cases (a review two seconds later), and every third turn a real attendance case and a
   * real penalty notice referral, made as only a case makes it: a case opened at Level 4 whose
   * Pupil Planning Meeting chooses penalty notices (issued by an asynchronous job with its register
   * entry).
   */
  private void startCases(NodeProcess node, Load load, AtomicBoolean loading) {
    SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    for (int i = 0; loading.get(); i++) {
      String key = "LOAD-" + i;
      String due = iso.format(new Date(System.currentTimeMillis() + 2000));
      if (post(node, "/engine-rest/process-definition/key/ClusterProbe/start",
          "{\"businessKey\":\"" + key + "\",\"variables\":{\"reviewDue\":{\"value\":\"" + due + "\",\"type\":\"Date\"}}}")) {
        load.probes().add(key);
      }
      if (i % 3 != 0) {
        continue;
      }
      String reference = "AC-2026-" + (700_000 + i);
      String upn = uk.schoolattendance.process.Upn.of(801_400_000_000L + i);
      String parent = "CRASH-P" + i;
      if (!post(node, "/engine-rest/process-definition/key/AttendanceCase/start",
          RestBodies.attendanceCaseStart(reference, upn, RestBodies.name("Pupil", i), parent, 4))) {
        continue;
      }
      load.cases().add(reference);
      // only a case refers a parent for a penalty notice: at its Pupil Planning Meeting
      String meeting = meetingOf(node, reference);
      if (meeting != null && post(node, "/engine-rest/task/" + meeting + "/complete", RestBodies.penaltyNoticeRoute())) {
        load.referrals().add(reference);
      }
    }
  }

  /** The case's Pupil Planning Meeting task, or null when the node is gone. */
  private String meetingOf(NodeProcess node, String reference) {
    try {
      Matcher id = TASK_ID.matcher(get(node, "/engine-rest/task?processInstanceBusinessKey=" + reference
          + "&taskDefinitionKey=Task_HoldPupilPlanningMeeting&firstResult=0&maxResults=1"));
      return id.find() ? id.group(1) : null;
    } catch (IOException | AssertionError e) {
      return null; // the node is gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Whether the engine acknowledged the start; false when the node is gone or refused it. */
  private boolean post(NodeProcess node, String path, String body) {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(node.uri(path))
              .header("Authorization", auth)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      boolean acknowledged = response.statusCode() == 200 || response.statusCode() == 204;
      if (!acknowledged && loadingRefusals.size() < 5) {
        loadingRefusals.add(path + " " + response.statusCode() + " " + response.body());
      }
      return acknowledged;
    } catch (IOException e) {
      return false; // the node is gone: never acknowledged
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What the engine acknowledged before the kill. */
  private record Load(Set<String> probes, Set<String> cases, Set<String> referrals) {
    Load() {
      this(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
    }
  }

  private long count(NodeProcess node, String path) throws IOException, InterruptedException {
    String body = get(node, path);
    return Long.parseLong(body.replaceAll("\\D", ""));
  }

  private Set<String> finishedKeys(NodeProcess node) throws IOException, InterruptedException {
    String body = get(node, "/engine-rest/history/process-instance?processDefinitionKey=ClusterProbe&finished=true"
        // Unpaged lists are refused for a logged-in client (queryMaxResultsLimit): page.
        + "&firstResult=0&maxResults=2000");
    Set<String> keys = new HashSet<>();
    Matcher matcher = BUSINESS_KEY.matcher(body);
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
    return keys;
  }

  private String get(NodeProcess node, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(node.uri(path)).header("Authorization", auth).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

}
