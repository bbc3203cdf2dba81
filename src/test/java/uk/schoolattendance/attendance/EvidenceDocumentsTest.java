package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.court.CourtProceedings;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.Upn;

/**
 * The registration certificate joins the court case file and the penalty notice's evidence (issue
 * #15): generated from the marks for the offence period when the case file is built and when the
 * notice is prepared, stored once, served with the same bytes and their SHA-256 under the pupil's
 * authorizations, named in the evidence list by its title; its totals are the figures API's for
 * the same period. Riverside Primary (100001): half-term 26–30 October 2026.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@SuppressWarnings("rawtypes")
class EvidenceDocumentsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @RegisterExtension static final RegisterDay DAY = new RegisterDay(TODAY);
  static final String PERIOD = "21 October 2026 to 4 November 2026";

  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RegisterCalendars calendars;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired ManagementService management;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void theCourtCaseFileListsTheCertificateByTitleAndItsTotalsAreTheFiguresOfTheOffencePeriod() throws IOException {
    String upn = Upn.of(700_600_000_011L);
    ProcessInstance legalCase = decided(upn, AttendanceCase.PROSECUTION);
    ProcessInstance court = runtime.createProcessInstanceQuery().processDefinitionKey(CourtProceedings.KEY)
        .superProcessInstanceId(legalCase.getId()).list().get(0);
    runJobs();

    Map<String, Object> file = runtime.getVariables(court.getId());
    String title = "Registration certificate of Sam " + CsvFile.surname(upn) + " (" + upn + "), " + PERIOD;
    assertThat((String) file.get(CourtProceedings.EVIDENCE_LIST.name()))
        .contains("1. " + title + ": a certified extract of the attendance register (Education Act 1996 s566)")
        .contains("attached").doesNotContain("/api/").doesNotContain("obtain from the school");
    assertThat(file).containsEntry(CourtProceedings.REGISTRATION_CERTIFICATE_TITLE.name(), title);
    // the witness statement counts the offence period's sessions, not the case's last 10 school weeks (12)
    assertThat((String) file.get(CourtProceedings.WITNESS_STATEMENT.name()))
        .contains("Between 21 October 2026 and 4 November 2026 the child failed to attend the school regularly, missing 10 sessions"
            + " without authorisation")
        // made by the case's officer (the school's named officer), whom the identity store names
        .contains("Statement of: Olivia Okafor").doesNotContain("[name of");
    // what happened in the case, not the steps the processes went through
    assertThat((String) file.get(CourtProceedings.CHRONOLOGY.name()))
        .contains("Attendance case opened").contains("Pupil Planning Meeting held")
        .contains("Court proceedings requested")
        .doesNotContain("in progress").doesNotContain("Take case to court").doesNotContain("Open court record")
        .doesNotContain("Legal route chosen |").doesNotContain("Support started");
    String documentId = (String) file.get(CourtProceedings.REGISTRATION_CERTIFICATE_ID.name());
    assertThat(documentId).startsWith("DOC-");

    // the stored bytes, served again unchanged with their SHA-256, to whoever may read the pupil's figures
    ResponseEntity<byte[]> first = document("officer", upn, documentId);
    ResponseEntity<byte[]> again = document("school1", upn, documentId);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(again.getBody()).isEqualTo(first.getBody());
    assertThat(first.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(StoredRegistrationCertificates.sha256(first.getBody()));
    assertThat(document("school2", upn, documentId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(document("officer", Upn.of(700_600_000_012L), documentId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // its totals are the figures of the offence period: the year's figures on its last day less those the day before it began
    String text = RegistrationCertificateTest.text(first.getBody());
    assertThat(text).contains(PERIOD).contains("Riverside Primary School");
    Map end = RegisterApi.get(rest, "officer", "/api/pupils/" + upn + "/attendance?asOf=2026-11-04").getBody();
    Map before = RegisterApi.get(rest, "officer", "/api/pupils/" + upn + "/attendance?asOf=2026-10-20").getBody();
    assertThat(total(text, "Possible sessions")).isEqualTo(difference(end, before, "possibleSessions"));
    assertThat(total(text, "Present \\(including approved educational activity\\)")).isEqualTo(difference(end, before, "presentSessions"));
    assertThat(total(text, "Authorised absence")).isEqualTo(difference(end, before, "authorisedAbsence"));
    assertThat(total(text, "Unauthorised absence")).isEqualTo(difference(end, before, "unauthorisedAbsence")).isEqualTo(10);
  }

  @Test
  void aPenaltyNoticesEvidenceHoldsTheCertificateOfItsOffencePeriodAndTheNoticeTheChildsAddress() throws IOException {
    String upn = Upn.of(700_600_000_013L);
    ProcessInstance legalCase = decided(upn, AttendanceCase.PENALTY_NOTICE);
    runJobs();
    List<ProcessInstance> notices = runtime.createProcessInstanceQuery().processDefinitionKey(PenaltyNotice.KEY)
        .superProcessInstanceId(legalCase.getId()).list();
    assertThat(notices).isNotEmpty();
    String number = notices.get(0).getBusinessKey();
    String title = "Registration certificate of Sam " + CsvFile.surname(upn) + " (" + upn + "), " + PERIOD;
    assertThat(runtime.getVariables(notices.get(0).getId())).containsEntry(PenaltyNotice.REGISTRATION_CERTIFICATE_TITLE.name(), title);

    // the child's address on the notice is the register's (reg 3), not the parent's
    ResponseEntity<byte[]> letter = rest.withBasicAuth("officer", "officer").getForEntity(
        "/api/penalty-notices/" + number + "/letter", byte[].class);
    assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(RegistrationCertificateTest.text(letter.getBody())).contains("Child's address: 9 Orchard Close, Southend SS3 7PQ");

    ResponseEntity<List<Map<String, Object>>> evidence = rest.withBasicAuth("officer", "officer").exchange(
        "/api/penalty-notices/" + number + "/evidence", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(evidence.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(evidence.getBody()).singleElement().satisfies(item -> {
      assertThat(item).containsEntry("title", title);
      ResponseEntity<byte[]> pdf = rest.withBasicAuth("officer", "officer").getForEntity((String) item.get("href"), byte[].class);
      assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(item).containsEntry("sha256", StoredRegistrationCertificates.sha256(pdf.getBody()));
    });

    // the compliance team's page of the notice links the same document, and it opens
    uk.schoolattendance.casefile.CaseFileClient compliance = new uk.schoolattendance.casefile.CaseFileClient(port);
    compliance.signIn("compliance");
    org.jsoup.select.Elements links = compliance.get("/casework/register/" + number).html().select("#evidence a");
    assertThat(links.eachText()).singleElement().asString().startsWith(title).contains("(PDF, ");
    assertThat(links.attr("href")).isEqualTo(evidence.getBody().get(0).get("href"));
    ResponseEntity<byte[]> opened = rest.withBasicAuth("compliance", "compliance").getForEntity(links.attr("href"), byte[].class);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(opened.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
  }

  @Test
  void theNoticeStatesTheUnauthorisedSessionsOfItsOffencePeriodFromTheMarksNotTheCasesLast10Weeks() throws IOException {
    String upn = Upn.of(700_600_000_015L);
    ProcessInstance legalCase = decided(upn, AttendanceCase.PENALTY_NOTICE);
    runJobs();
    // the case counts the last 10 school weeks: the period's 10 and the 2 of 10 November
    assertThat(runtime.getVariables(legalCase.getId())).containsEntry(AttendanceCase.UNAUTHORISED_SESSIONS.name(), 12);
    String number = noticeOf(legalCase);

    assertThat(letterText(number))
        .contains("Between 21 October 2026 and 4 November 2026 the child failed to attend the school regularly, missing 10"
            + " sessions (half days) without authorisation")
        .doesNotContain("12 sessions")
        // the demo profile's fictional council: every way to pay, printed
        .contains("Pay online at https://www.seaview.example/pay-penalty-notice.", "Pay by telephone on 01632 960 123.");
    assertThat(notice(number)).containsEntry("unauthorisedSessions", 10).containsEntry("sessionsSource", "marks");
  }

  @Test
  void aNoticeForAPupilWithoutMarksStatesTheCountOfTheSchoolsRegisterPrintoutAsItsSource() throws IOException {
    String upn = Upn.of(700_600_000_016L);
    // no marks: the officer typed the case's figures (12 unauthorised sessions in the last 10 school weeks)
    ProcessInstance legalCase = runtime.startProcessInstanceByKey(AttendanceCase.KEY, CaseFixtures.with(CaseFixtures.startVariables(),
        AttendanceCase.PUPIL_UPN.name(), upn, AttendanceCase.SCHOOL_URN.name(), "100001",
        AttendanceCase.PUPIL_NAME.name(), "Sam " + CsvFile.surname(upn), AttendanceCase.PUPIL_DATE_OF_BIRTH.name(), "2015-05-01", AttendanceCase.ENTRY_LEVEL.name(), 4));
    choose(legalCase, AttendanceCase.PENALTY_NOTICE);
    runJobs();
    String number = noticeOf(legalCase);

    // the officer confirmed 10 sessions from the school's printout of the offence period at the meeting
    assertThat(letterText(number))
        .contains("Between 21 October 2026 and 4 November 2026 the child failed to attend the school regularly, with"
            + " 10 unauthorised sessions (half days) in the period 21 October 2026 to 4 November 2026 as shown in the"
            + " school's attendance register:")
        .doesNotContain("12 sessions").doesNotContain("without authorisation");
    assertThat(notice(number)).containsEntry("unauthorisedSessions", 10).containsEntry("sessionsSource", "register-printout");
  }

  private String noticeOf(ProcessInstance legalCase) {
    List<ProcessInstance> notices = runtime.createProcessInstanceQuery().processDefinitionKey(PenaltyNotice.KEY)
        .superProcessInstanceId(legalCase.getId()).list();
    assertThat(notices).isNotEmpty();
    return notices.get(0).getBusinessKey();
  }

  private String letterText(String number) throws IOException {
    ResponseEntity<byte[]> letter = rest.withBasicAuth("officer", "officer").getForEntity(
        "/api/penalty-notices/" + number + "/letter", byte[].class);
    assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.OK);
    return RegistrationCertificateTest.text(letter.getBody()).replaceAll("\\s+", " ");
  }

  private Map<String, Object> notice(String number) {
    ResponseEntity<Map<String, Object>> notice = rest.withBasicAuth("officer", "officer").exchange(
        "/api/penalty-notices/" + number, HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(notice.getStatusCode()).isEqualTo(HttpStatus.OK);
    return notice.getBody();
  }

  /** A case for a pupil with 10 unauthorised sessions across half-term, whose Pupil Planning Meeting chose this route. */
  private ProcessInstance decided(String upn, String route) {
    CsvFile marks = new CsvFile().days(upn, "100001", calendars.of(100001), LocalDate.of(2026, 9, 3), LocalDate.of(2026, 11, 24),
        (day, session) -> switch (day.toString()) {
          case "2026-10-21" -> session.equals("AM") ? "O" : "/";
          case "2026-10-22", "2026-10-23", "2026-11-02", "2026-11-03" -> "N";
          case "2026-11-04" -> session.equals("AM") ? "U" : "/";
          // after the offence period: the case's last 10 school weeks count these too, the notice does not
          case "2026-11-10" -> "N";
          default -> "/";
        });
    assertThat(RegisterApi.importCsv(rest, "datateam", marks.text()).getBody()).containsEntry("rowsRejected", 0);
    // the address a CTF from the school would carry
    jdbc.update("UPDATE att_pupil SET address = ? WHERE upn = ?", "9 Orchard Close, Southend SS3 7PQ", upn);
    ProcessInstance legalCase = runtime.startProcessInstanceByKey(AttendanceCase.KEY, CaseFixtures.with(CaseFixtures.startVariables(),
        AttendanceCase.PUPIL_UPN.name(), upn, AttendanceCase.SCHOOL_URN.name(), "100001",
        AttendanceCase.PUPIL_NAME.name(), "Sam " + CsvFile.surname(upn), AttendanceCase.PUPIL_DATE_OF_BIRTH.name(), "2015-05-01", AttendanceCase.ENTRY_LEVEL.name(), 4));
    choose(legalCase, route);
    return legalCase;
  }

  /** The Pupil Planning Meeting chooses the route, offence period 21 October to 4 November 2026. */
  private void choose(ProcessInstance legalCase, String route) {
    String task = taskService.createTaskQuery().processInstanceId(legalCase.getId()).singleResult().getId();
    taskService.complete(task, CaseFixtures.vars(
        AttendanceCase.LEGAL_ROUTE.name(), route, AttendanceCase.LEGAL_ROUTE_REASON.name(), "No improvement",
        AttendanceCase.NO_CONTRACT_REASON.name(), "The parent would not meet",
        AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name(), "Support was refused at every stage",
        AttendanceCase.OFFENCE_FROM.name(), "2026-10-21", AttendanceCase.OFFENCE_TO.name(), "2026-11-04",
        // a pupil without marks: the school's printout establishes the threshold (with marks it is not read)
        AttendanceCase.THRESHOLD_EVIDENCE_CONFIRMED.name(), true, AttendanceCase.THRESHOLD_EVIDENCE_SESSIONS.name(), 10));
  }

  /** Runs the asynchronous steps due now (not the timers). */
  private void runJobs() {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = management.createJobQuery().messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private ResponseEntity<byte[]> document(String user, String upn, String documentId) {
    return rest.withBasicAuth(user, user).getForEntity("/api/pupils/" + upn + "/documents/" + documentId, byte[].class);
  }

  private static Integer total(String text, String label) {
    Matcher m = Pattern.compile(label + ": (\\d+)").matcher(text);
    assertThat(m.find()).as(label + " in the certificate").isTrue();
    return Integer.valueOf(m.group(1));
  }

  private static Integer difference(Map end, Map before, String key) {
    return (Integer) end.get(key) - (Integer) before.get(key);
  }
}
