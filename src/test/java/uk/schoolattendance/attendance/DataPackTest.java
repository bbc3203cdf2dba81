package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.meetings.TargetingSupportMeeting;
import uk.schoolattendance.process.Upn;

/**
 * A school's Targeting Support Meeting data pack (issue #15): every count is the figures API's
 * for the same pupils and day; movement since the last term; the pack on the meeting's task; no
 * pack of another school.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@SuppressWarnings({"rawtypes", "unchecked"})
class DataPackTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @RegisterExtension static final RegisterDay DAY = new RegisterDay(TODAY);

  @Autowired TestRestTemplate rest;
  @Autowired RegisterCalendars calendars;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Test
  void thePacksCountsAreTheFiguresOfTheSchoolsPupilsAndShowWhoMovedSinceTheLastTerm() {
    String mover = Upn.of(700_700_000_001L);
    String steady = Upn.of(700_700_000_002L);
    String persistent = Upn.of(700_700_000_003L);
    String chronic = Upn.of(700_700_000_004L);
    CsvFile file = new CsvFile()
        .days(chronic, "100002", calendars.of(100002), LocalDate.of(2026, 9, 4), LocalDate.of(2026, 11, 24),
            (d, s) -> d.getDayOfMonth() % 5 == 0 ? "/" : "N")
        .days(mover, "100002", calendars.of(100002), LocalDate.of(2026, 7, 13), LocalDate.of(2026, 7, 22), (d, s) -> "/")
        .days(mover, "100002", calendars.of(100002), LocalDate.of(2026, 9, 4), LocalDate.of(2026, 11, 24),
            (d, s) -> d.getDayOfMonth() % 3 == 0 ? "/" : "N")
        .days(steady, "100002", calendars.of(100002), LocalDate.of(2026, 9, 4), LocalDate.of(2026, 11, 24), (d, s) -> "/")
        .days(persistent, "100002", calendars.of(100002), LocalDate.of(2026, 9, 4), LocalDate.of(2026, 11, 24),
            (d, s) -> d.getDayOfMonth() % 7 == 0 ? "I" : "/");
    assertThat(RegisterApi.importCsv(rest, "datateam", file.text()).getBody()).containsEntry("rowsRejected", 0);

    Map pack = RegisterApi.get(rest, "officer", "/api/schools/100002/data-pack").getBody();
    assertThat(pack).containsEntry("schoolName", "Hillcrest Academy").containsEntry("lastTermEnded", "2026-07-22");
    List<Map> lines = (List<Map>) pack.get("pupilsByBand");
    assertThat(pack.get("pupils")).isEqualTo(lines.size());
    assertThat(lines).extracting(l -> l.get("upn")).contains(mover, steady, persistent);

    Map<String, Integer> byBand = new HashMap<>();
    Map<String, int[]> byYear = new HashMap<>();
    int severe = 0;
    for (Map line : lines) {
      Map figures = RegisterApi.get(rest, "officer", "/api/pupils/" + line.get("upn") + "/attendance").getBody();
      String band = figures.get("band") == null ? DataPacks.NO_SESSIONS : (String) figures.get("band");
      assertThat(line.get("band")).as("band of %s", line.get("upn")).isEqualTo(band);
      assertThat(line.get("attendancePercent")).isEqualTo(figures.get("attendancePercent"));
      byBand.merge(band, 1, Integer::sum);
      int[] year = byYear.computeIfAbsent("Year " + line.get("yearGroup"), k -> new int[2]);
      year[0] += (Integer) figures.get("possibleSessions");
      year[1] += (Integer) figures.get("presentSessions");
      severe += band.equals("severe") || band.equals("chronic") ? 1 : 0;
    }
    // walk 12 #4: severe absence (at or below 50 %) counts its chronic sub-band (below 30 %) too
    for (Map band : (List<Map>) pack.get("bands")) {
      int expected = "severe".equals(band.get("band")) ? severe : byBand.getOrDefault((String) band.get("band"), 0);
      assertThat(band.get("pupils")).as("pupils in %s", band.get("band")).isEqualTo(expected);
    }
    int severelyAbsent = severe;
    assertThat(byBand.getOrDefault("chronic", 0)).isPositive();
    assertThat((List<Map>) pack.get("bands")).filteredOn(b -> b.get("band").equals("severe")).singleElement()
        .satisfies(b -> assertThat(b).containsEntry("pupils", severelyAbsent).containsEntry("bandShown",
            "Severe absence (50 % or less, chronic included)"));
    assertThat((List<Map>) pack.get("bands")).filteredOn(b -> b.get("band").equals("chronic")).singleElement()
        .satisfies(b -> assertThat(b).containsEntry("partOf", "severe").containsEntry("bandShown", "of whom below 30 % (chronic)"));
    assertThat(lines).filteredOn(l -> l.get("upn").equals(chronic)).singleElement()
        .satisfies(l -> assertThat(l).containsEntry("band", "chronic").containsEntry("bandShown", "Severe absence (below 30 %: chronic)"));
    for (Map cohort : (List<Map>) pack.get("cohorts")) {
      if (cohort.get("by").equals("year group")) {
        int[] year = byYear.get((String) cohort.get("group"));
        assertThat(cohort.get("possibleSessions")).isEqualTo(year[0]);
        assertThat(cohort.get("presentSessions")).isEqualTo(year[1]);
      }
    }
    // no case is open for these pupils: every severely absent one is without a plan
    assertThat((List<Map>) pack.get("severelyAbsentWithoutPlan")).extracting(l -> l.get("upn")).contains(mover, chronic)
        .doesNotContain(steady, persistent);
    assertThat(((List<Map>) pack.get("severelyAbsentWithoutPlan")).size()).isLessThanOrEqualTo(severe);
    Object moverBand = lines.stream().filter(l -> l.get("upn").equals(mover)).findFirst().orElseThrow().get("band");
    assertThat(moverBand).isIn("severe", "chronic");
    assertThat((List<Map>) pack.get("movements"))
        .anySatisfy(m -> assertThat(m).containsEntry("from", "not-persistent").containsEntry("to", moverBand));
    assertThat((List<Map>) pack.get("comparison")).extracting(c -> c.get("measure"))
        .contains("attendance %", "persistently absent or worse, % of pupils",
            "severely absent (50 % or less, chronic included), % of pupils");

    // the school's own staff see it; another school does not
    assertThat(RegisterApi.get(rest, "school2", "/api/schools/100002/data-pack").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(RegisterApi.get(rest, "school1", "/api/schools/100002/data-pack").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // the meeting's task shows the same pack
    Map<String, Object> start = new HashMap<>();
    TargetingSupportMeeting.SCHOOL_URN.put(start, "100002");
    TargetingSupportMeeting.TERM.put(start, "2026-27 summer");
    ProcessInstance meeting = runtime.startProcessInstanceByKey(TargetingSupportMeeting.KEY, start);
    for (Job job = nextJob(meeting); job != null; job = nextJob(meeting)) {
      management.executeJob(job.getId());
    }
    JsonNode bands = TargetingSupportMeeting.DATA_PACK_BANDS.from(runtime.getVariable(meeting.getId(),
        TargetingSupportMeeting.DATA_PACK_BANDS.name()));
    for (JsonNode band : bands) {
      int expected = "severe".equals(band.path("band").asText()) ? severe : byBand.getOrDefault(band.path("band").asText(), 0);
      assertThat(band.path("pupils").asInt()).isEqualTo(expected);
    }
    assertThat(TargetingSupportMeeting.DATA_PACK_SEVERELY_ABSENT.from(runtime.getVariable(meeting.getId(),
        TargetingSupportMeeting.DATA_PACK_SEVERELY_ABSENT.name())).toString()).contains(mover);
  }

  private Job nextJob(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }
}
