package uk.schoolattendance.casefile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casefile.CaseFileClient;

/**
 * The school calendars page: the data team sees every school's terms, holidays, INSET days and
 * bank holidays as configured; a school sees its own only; someone who imports for no school
 * cannot open it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CalendarPagesTest {

  @LocalServerPort int port;

  @Test
  void theDataTeamSeesEachSchoolsTermsHolidaysInsetAndBankHolidaysAsConfigured() {
    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    assertThat(datateam.get("/casework/imports").html().select("#calendars-link").attr("href"))
        .isEqualTo("/casework/calendars");
    CaseFileClient.Page list = datateam.get("/casework/calendars");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.html().select("#schools tbody tr").eachAttr("data-urn")).contains("100001", "100002");
    assertThat(list.html().select("#schools tr[data-urn=100002]").text()).contains("The school's own term dates");

    CaseFileClient.Page riverside = datateam.get("/casework/calendars/100001");
    assertThat(riverside.status()).isEqualTo(200);
    assertThat(riverside.html().select("table[data-year=2026-27] tbody tr").eachText())
        .contains("Term 3 September to 18 December 2026", "Half term 26 to 30 October 2026",
            "Holiday between terms 19 December 2026 to 3 January 2027", "Term 4 January to 25 March 2027",
            "Bank holiday 3 May 2027");
    CaseFileClient.Page hillcrest = datateam.get("/casework/calendars/100002");
    assertThat(hillcrest.html().select("table[data-year=2026-27] tbody tr").eachText())
        .contains("Term 2 September to 18 December 2026", "INSET day 2 September 2026", "INSET day 27 November 2026",
            "Half term 19 to 23 October 2026");
  }

  @Test
  void aSchoolSeesItsOwnCalendarOnlyAndWhoImportsForNoSchoolNone() {
    CaseFileClient school1 = CaseFileClient.signedIn(port, "school1");
    assertThat(school1.get("/casework/calendars").html().select("#schools tbody tr").eachAttr("data-urn"))
        .containsExactly("100001");
    assertThat(school1.get("/casework/calendars/100001").status()).isEqualTo(200);
    assertThat(school1.get("/casework/calendars/100002").status()).isEqualTo(404);
    assertThat(CaseFileClient.signedIn(port, "officer").get("/casework/calendars").status()).isEqualTo(403);
  }

  @Test
  void theDataTeamIsWarnedBeforeTheConfiguredTermDatesRunOut() {
    CaseFileClient datateam = CaseFileClient.signedIn(port, "datateam");
    CaseFileClient school1 = CaseFileClient.signedIn(port, "school1");
    // The engine's clock is moved, never the real date read: the test profile runs no job
    // executor (application-test.yaml), so no timer of another test fires meanwhile.
    try {
      // a day well inside the shipped calendar (term dates to 21 July 2028): no warning
      ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2027-01-11T10:00:00Z")));
      assertThat(datateam.get("/casework/calendars").html().select("[data-warning=term-dates]")).isEmpty();
      // 26 weeks (attendance.term-dates-warning-weeks) before the last day a case can start its longest period
      ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2028-02-01T10:00:00Z")));
      for (String page : java.util.List.of("/casework/calendars", "/casework/calendars/100001")) {
        assertThat(datateam.get(page).html().select("[data-warning=term-dates]").text()).as(page)
            .contains("The last configured school day is 21 July 2028 (the local authority's term dates)")
            .contains("add the academic year 2028-29 (its terms and holidays) to attendance.calendar.academic-years")
            .contains("POST /api/calendar/recalculate-timers");
      }
      assertThat(school1.get("/casework/calendars").html().select("[data-warning=term-dates]")).isEmpty();
    } finally {
      TestClock.reset();
    }
  }
}
