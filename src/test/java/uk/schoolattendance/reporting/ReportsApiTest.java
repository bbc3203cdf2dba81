package uk.schoolattendance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** {@code /api/reports/parental-responsibility-measures} on the running application: JSON, CSV, bad years. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ReportsApiTest {

  static final String URL = "/api/reports/parental-responsibility-measures";

  @Autowired TestRestTemplate rest;

  @Test
  void theCensusAsJson() {
    ResponseEntity<Map> response = api().getForEntity(URL + "?academicYear=2026-27", Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody())
        .containsEntry("academicYear", "2026-27")
        .containsEntry("from", "2026-09-01")
        .containsEntry("to", "2027-08-31")
        .containsKeys(
            "noticesIssuedHoliday", "noticesIssuedLate", "noticesIssuedOther", "paidWithin21Days",
            "paidWithin28Days", "withdrawn", "prosecutionsAfterNonPayment", "casesEnteringCaseManagement",
            "attendanceContracts", "parentingOrders", "educationSupervisionOrders");
  }

  @Test
  void theCensusAsCsv() {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
    ResponseEntity<String> response =
        api().exchange(URL + "?academicYear=2026-27", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(response.getBody())
        .startsWith("academicYear,measure,value\r\n")
        .contains("2026-27,penaltyNoticesIssuedHoliday,")
        .contains("2026-27,educationSupervisionOrders,");
  }

  @Test
  void aBadAcademicYearIsRefusedNamingTheParameter() {
    for (String query : new String[] {"?academicYear=2026-28", "?academicYear=2026", "?academicYear=abcd-ef", ""}) {
      ResponseEntity<Map> response = api().getForEntity(URL + query, Map.class);
      assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).as(query).containsEntry("field", "academicYear");
    }
  }

  @Test
  void theCensusIsForTheLocalAuthorityNotForSchools() {
    assertThat(rest.withBasicAuth("school1", "school1").getForEntity(URL + "?academicYear=2026-27", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("manager", "manager").getForEntity(URL + "?academicYear=2026-27", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private TestRestTemplate api() {
    return rest.withBasicAuth("demo", "demo");
  }
}
