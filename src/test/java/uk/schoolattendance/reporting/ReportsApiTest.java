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
  @Autowired uk.schoolattendance.notices.NoticeDates dates;

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
   * waiting for payment or a decision (issued or unpaid), as the register page counts them; a school's
   * user counts only their own schools' notices (a moved pupil's notice stays under the old school).
   */
  @Test
  void penaltyNoticesOpenAreTheRegistersNoticesAwaitingPaymentOrADecisionNotProcesses() throws Exception {
    long before = penaltyNoticesOpen("manager");
    long schoolBefore = penaltyNoticesOpen("school1");
    // a notice process the register holds nothing for (not yet prepared, or refused by the limit)
    String upn = uk.schoolattendance.process.Upn.of(911_456_789_012L);
    String instance = runtimeService.startProcessInstanceByKey(uk.schoolattendance.notices.PenaltyNotice.KEY, numbers.next(),
        uk.schoolattendance.notices.NoticeInputs.inputs("DASH-P1", upn, "other")).getId();
    try {
      assertThat(penaltyNoticesOpen("manager")).as("a process the register holds nothing for").isEqualTo(before);
      dashboardNotice("100002", 1);
      assertThat(penaltyNoticesOpen("manager")).as("issued at 100002").isEqualTo(before + 1);
      String unpaid = dashboardNotice("100002", 2);
      register.markUnpaid(unpaid);
      assertThat(penaltyNoticesOpen("manager")).as("unpaid at 100002").isEqualTo(before + 2);
      String paid = dashboardNotice("100002", 3);
      register.recordPayment(paid, new java.math.BigDecimal("80.00"), java.time.LocalDate.of(2026, 11, 10));
      assertThat(penaltyNoticesOpen("manager")).as("paid: not open").isEqualTo(before + 2);
      assertThat(penaltyNoticesOpen("school1")).as("school1 (100001) does not see 100002's notices").isEqualTo(schoolBefore);
      dashboardNotice("100001", 4);
      assertThat(penaltyNoticesOpen("school1")).as("school1's own school's notice").isEqualTo(schoolBefore + 1);
    } finally {
      runtimeService.deleteProcessInstance(instance, "test");
    }
  }

  private long penaltyNoticesOpen(String user) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth(user, user).getForEntity("/api/reports/dashboard", String.class);
    assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody()).get("penaltyNoticesOpen").asLong();
  }

  /** A notice issued at {@code school} by post on 2 November 2026, straight into the register. */
  private String dashboardNotice(String school, int n) {
    String number = numbers.next();
    uk.schoolattendance.notices.NoticeBuilder.notice().number(number).caseReference("DASH-" + number).school(school)
        .pupil(uk.schoolattendance.process.Upn.of(911_456_789_100L + n)).parent("DASH-P-" + number)
        .issue(register, dates);
    return number;
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
