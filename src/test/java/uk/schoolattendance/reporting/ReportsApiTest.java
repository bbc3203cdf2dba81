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
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired uk.schoolattendance.notices.PenaltyNoticeRegister register;
  @Autowired uk.schoolattendance.notices.PenaltyNoticeNumbers numbers;

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

  /**
   * Walk 11, defect 23: Cockpit's "Open tasks by officer" left out the compliance team's tasks
   * (and any held by a school's user): every open task a manager may read is now in one row.
   */
  @Test
  void everyOpenTaskIsInOneRowOfTheOfficersTable() throws Exception {
    String compliance = caseTask();
    String school = caseTask();
    taskService.setAssignee(compliance, "compliance");
    taskService.setAssignee(school, "school2");
    try {
      com.fasterxml.jackson.databind.JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(rest.withBasicAuth("manager", "manager").getForEntity("/api/reports/dashboard", String.class).getBody());
      long rows = 0;
      long complianceRow = -1;
      long othersRow = -1;
      for (com.fasterxml.jackson.databind.JsonNode row : dashboard.get("tasksByOfficer")) {
        rows += row.get("openTasks").asLong();
        if ("compliance".equals(row.path("userId").asText())) {
          complianceRow = row.get("openTasks").asLong();
        }
        if (row.get("name").asText().startsWith("Held by others")) {
          othersRow = row.get("openTasks").asLong();
        }
      }
      Map<?, ?> count = rest.withBasicAuth("manager", "manager").getForEntity("/engine-rest/task/count", Map.class).getBody();
      assertThat(rows).isEqualTo(((Number) count.get("count")).longValue());
      assertThat(complianceRow).isGreaterThanOrEqualTo(1);
      assertThat(othersRow).isGreaterThanOrEqualTo(1);
    } finally {
      runtimeService.deleteProcessInstance(taskService.createTaskQuery().taskId(compliance).singleResult().getProcessInstanceId(), "test");
      runtimeService.deleteProcessInstance(taskService.createTaskQuery().taskId(school).singleResult().getProcessInstanceId(), "test");
    }
  }

  /**
   * Walk 12, defect 18: Cockpit's "Penalty notices open" counted running notice processes, one of
   * them a notice the limit refused that the register never held. It is the register's notices
   * waiting for payment or a decision (issued or unpaid), as the register page counts them.
   */
  @Test
  void penaltyNoticesOpenAreTheRegistersNoticesAwaitingPaymentOrADecisionNotProcesses() throws Exception {
    // a notice process the register holds nothing for (not yet prepared, or refused by the limit)
    String upn = uk.schoolattendance.process.Upn.of(911_456_789_012L);
    String instance = runtimeService.startProcessInstanceByKey(uk.schoolattendance.notices.PenaltyNotice.KEY, numbers.next(),
        uk.schoolattendance.notices.NoticeInputs.inputs("DASH-P1", upn, "other")).getId();
    try {
      long awaiting = java.util.stream.Stream.of(uk.schoolattendance.notices.PenaltyNoticeEntry.ISSUED,
              uk.schoolattendance.notices.PenaltyNoticeEntry.UNPAID)
          .mapToLong(status -> register.count(uk.schoolattendance.notices.RegisterQuery.ofPage(status, null, 0, 1)))
          .sum();
      com.fasterxml.jackson.databind.JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(rest.withBasicAuth("manager", "manager").getForEntity("/api/reports/dashboard", String.class).getBody());
      assertThat(dashboard.get("penaltyNoticesOpen").asLong()).isEqualTo(awaiting);
    } finally {
      runtimeService.deleteProcessInstance(instance, "test");
    }
  }

  private String caseTask() {
    String instance = runtimeService.startProcessInstanceByKey(
        uk.schoolattendance.casework.AttendanceCase.KEY, uk.schoolattendance.casework.CaseFixtures.startVariables()).getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private TestRestTemplate api() {
    return rest.withBasicAuth("demo", "demo");
  }
}
