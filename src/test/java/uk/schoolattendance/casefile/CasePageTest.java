package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * A case's page: what each viewer sees, the changes each may make (the engine decides), the
 * errors a person gets, and 404 for a case the viewer may not see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CasePageTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;
  @Autowired CaseSummaries summaries;
  @Autowired uk.schoolattendance.notices.NoticeDates noticeDates;

  private CaseFileClient signedIn(String user) {
    CaseFileClient person = new CaseFileClient(port);
    person.signIn(user);
    return person;
  }

  private String newCase(String school, String pupil) {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance started = cases.start(school, pupil, CaseFileCases.newUpn(), "parent-1", "Gail Marsh");
    return cases.referenceOf(started);
  }

  @Test
  void anOfficerReadsTheCaseItsNextStepAndHolderAndItsTimeline() {
    String reference = newCase(CaseFixtures.UNIVERSAL_SCHOOL, "Finn Marsh");
    CaseFileClient.Page page = signedIn("officer").get("/casework/cases/" + reference);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("h1").text()).contains("Finn Marsh", "Open");
    assertThat(page.html().select("#facts").text()).contains("Date of birth 28 May 2016", "Hillcrest Academy (URN 100002)", "Level 1", "80.0%");
    assertThat(page.html().select("#parents").text()).contains("Gail Marsh", "1 High Street");
    assertThat(page.html().select("#next-step").text()).contains("Intervene in school: Hillcrest Academy, due");
    assertThat(page.html().select("a[href^=/camunda/app/tasklist/default/#/?task=]").text()).contains("Open ‘Intervene in school’ in Tasklist");
    assertThat(page.html().select("#timeline").text()).isNotEmpty();
    assertThat(page.html().select("form#note-form input[name=_csrf]")).hasSize(1);
  }

  /**
   * The payment period's timer fires at the start of the day after its last day: the case's next
   * step names the last day, as the notice and the register do (walk 12 #9), in winter and in summer time.
   */
  @Test
  void aCaseWaitingForThePaymentPeriodNamesTheDayThePeriodEnds() {
    for (java.time.LocalDate last : java.util.List.of(java.time.LocalDate.of(2026, 12, 28), java.time.LocalDate.of(2027, 3, 28))) {
      java.time.Instant fires = noticeDates.paymentPeriodEndsAt(last).toInstant();
      CaseSummary.NextStep step = summaries.waiting("the payment period to end", uk.schoolattendance.notices.PenaltyNotice.PAYMENT_PERIOD_ENDED, fires);
      assertThat(step.what() + (step.due().isEmpty() ? "" : " on " + step.due()))
          .isEqualTo("the payment period, which ends on " + (last.getMonthValue() == 12 ? "28 December 2026" : "28 March 2027"));
      assertThat(step.waiting()).isTrue();
    }
  }

  /** A case opened at Level 2 whose attendance meeting is held with these variables: it waits for the review. */
  private String heldMeeting(String pupil, Map<String, Object> meeting) {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance started = cases.start(Map.of(AttendanceCase.ENTRY_LEVEL.name(), 2), CaseFixtures.UNIVERSAL_SCHOOL, pupil,
        CaseFileCases.newUpn(), "parent-1", "Gail Marsh");
    var task = taskService.createTaskQuery().processInstanceId(started.getId()).taskDefinitionKey("Task_HoldAttendanceMeeting").singleResult();
    taskService.complete(task.getId(), meeting);
    return cases.referenceOf(started);
  }

  @Test
  void theNextStepTimelineAndFiguresUseACaseworkersWordsNotTheModelsNamesOrCodes() {
    String reference = heldMeeting("Ola Marsh", Map.of(AttendanceCase.ATTENDANCE_TARGET.name(), 92.0));
    CaseFileClient.Page page = signedIn("officer").get("/casework/cases/" + reference);
    assertThat(page.html().select("#next-step").text()).containsPattern("Waits for the review on \\d{1,2} \\w+ \\d{4}")
        .doesNotContain("Review date reached");
    assertThat(page.html().select("#facts").text()).contains("80.0% (persistent absence)");
    var opened = page.html().select("#timeline li").last();
    assertThat(opened.text()).contains("Case opened", "Level 2: facilitate support", "Opened at level 2")
        .doesNotContain("monitor", "entry at level");
  }

  @Test
  void whatTheAttendanceMeetingAgreedShowsOnItsTimelineEntry() {
    String reference = heldMeeting("Pia Marsh", Map.of(AttendanceCase.ATTENDANCE_TARGET.name(), 93.5,
        AttendanceCase.BARRIERS.name(), "Anxiety about PE lessons", AttendanceCase.ATTENDANCE_PLAN.name(), "Morning check-in with the pastoral lead"));
    CaseFileClient.Page page = signedIn("officer").get("/casework/cases/" + reference);
    var meeting = page.html().select("#timeline li").stream().filter(li -> li.text().contains("Attendance meeting held")).findFirst().orElseThrow();
    assertThat(meeting.select(".casefile-timeline__text").text())
        .isEqualTo("Attendance target 93.5% Barriers: Anxiety about PE lessons Plan agreed: Morning check-in with the pastoral lead");
    // a meeting that recorded neither says only the target
    String bare = heldMeeting("Quin Marsh", Map.of(AttendanceCase.ATTENDANCE_TARGET.name(), 92.0));
    assertThat(signedIn("officer").get("/casework/cases/" + bare).html().select("#timeline").text())
        .contains("Attendance target 92.0%").doesNotContain("Barriers", "Plan agreed");
  }

  @Test
  void twoNoticesTasksOfOneNameNameTheirParentSoNoTwoLinesOrLinksReadTheSame() {
    CaseFixtures.clockAt(2026, 11, 2, 10);
    try {
      String upn = CaseFileCases.newUpn();
      ProcessInstance started = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY,
          CaseFixtures.termTimeLeave(CaseFixtures.with(CaseFixtures.startVariables(), AttendanceCase.PUPIL_UPN.name(), upn),
              "2026-09-14", "2026-10-09"));
      String reference = new CaseFileCases(runtimeService).referenceOf(started);
      CaseFileClient.Page page = signedIn("compliance").get("/casework/cases/" + reference);
      var lines = page.html().select("#next-step li").eachText();
      assertThat(lines).hasSize(2).doesNotHaveDuplicates();
      assertThat(String.join("\n", lines)).contains("Check leave evidence for Alex Parent", "Check leave evidence for Jo Parent");
      var links = page.html().select("a[href^=/camunda/app/tasklist/default/#/?task=]").eachText();
      assertThat(links).containsExactlyInAnyOrder(
          "Open ‘Check leave evidence for Alex Parent’ in Tasklist", "Open ‘Check leave evidence for Jo Parent’ in Tasklist");
    } finally {
      uk.schoolattendance.TestClock.reset();
    }
  }

  @Test
  void thePupilsFiguresFromTheRegisterAndAChartByWeekAreShownWhereThePupilHasMarks() {
    CaseFixtures.clockAt(2026, 11, 28, 12);
    try {
      figuresAndChart();
    } finally {
      uk.schoolattendance.TestClock.reset();
    }
  }

  private void figuresAndChart() {
    String upn = CaseFileCases.newUpn();
    StringBuilder csv = new StringBuilder("upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup\n");
    for (int day = 16; day <= 26; day++) {
      java.time.LocalDate date = java.time.LocalDate.of(2026, 11, day);
      if (date.getDayOfWeek().getValue() > 5) {
        continue;
      }
      csv.append(upn).append(",100002,").append(date).append(",AM,").append(day % 3 == 0 ? "O" : "/").append(",Rhys,Marks,2016-05-28,5\n");
      csv.append(upn).append(",100002,").append(date).append(",PM,\\,Rhys,Marks,2016-05-28,5\n");
    }
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.parseMediaType("text/csv"));
    var imported = rest.withBasicAuth("school2", "school2").exchange("/api/attendance/imports",
        org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(csv.toString(), headers), String.class);
    assertThat(imported.getBody()).contains("\"rowsRejected\":0");
    CaseFileCases cases = new CaseFileCases(runtimeService);
    String reference = cases.referenceOf(cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Rhys Marks", upn, "parent-1", "Gail Marks"));

    CaseFileClient.Page page = signedIn("officer").get("/casework/cases/" + reference);
    assertThat(page.html().select("#register").text()).contains("Attendance this year", "sessions", "unauthorised");
    assertThat(page.html().select("#attendance-chart rect")).hasSize(2);
    assertThat(page.html().select("#weeks").text()).contains("16 November 2026", "23 November 2026");
  }

  @Test
  void anOfficerAddsANoteAndAContactAndBothAreInTheTimelineWithTheirAuthor() {
    String reference = newCase(CaseFixtures.UNIVERSAL_SCHOOL, "Gus Marsh");
    CaseFileClient officer = signedIn("officer");
    CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
    CaseFileClient.Page added = officer.post(page, "#note-form", Map.of("kind", "note", "text", "Mum says the bus is late every day."));
    assertThat(added.status()).isEqualTo(302);
    assertThat(added.location()).endsWith("/casework/cases/" + reference + "?done=note");
    CaseFileClient.Page call = officer.post(officer.get("/casework/cases/" + reference), "#note-form",
        Map.of("kind", "call", "on-day", "2", "on-month", "3", "on-year", "2026", "text", "Spoke to Gail about the bus."));
    assertThat(call.status()).isEqualTo(302);
    CaseFileClient.Page after = officer.get("/casework/cases/" + reference + "?done=contact");
    assertThat(after.html().select(".govuk-notification-banner").text()).contains("The contact has been recorded");
    String timeline = after.html().select("#timeline").text();
    assertThat(timeline).contains("Phone call", "On 2 March 2026", "Spoke to Gail about the bus.", "Note", "Mum says the bus is late every day.");
    assertThat(after.html().select("#timeline li").first().text()).contains("Phone call", "Olivia Okafor");
  }

  @Test
  void aNoteWithoutTextOrAContactWithoutARealDateIsRefusedNamingTheFieldsAndNothingIsAdded() {
    String reference = newCase(CaseFixtures.UNIVERSAL_SCHOOL, "Hal Marsh");
    CaseFileClient officer = signedIn("officer");
    CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
    int before = page.html().select("#timeline li").size();
    CaseFileClient.Page refused = officer.post(page, "#note-form",
        Map.of("kind", "home-visit", "on-day", "31", "on-month", "2", "on-year", "2026", "text", " "));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().title()).startsWith("Error:");
    assertThat(refused.html().select(".govuk-error-summary a").eachAttr("href")).containsExactly("#on-day", "#text");
    assertThat(refused.html().select("#on-error").text()).contains("must be a real date");
    assertThat(refused.html().select("#kind-home-visit").hasAttr("checked")).isTrue();
    assertThat(officer.get("/casework/cases/" + reference).html().select("#timeline li")).hasSize(before);
  }

  @Test
  void anOfficerCorrectsAParentsNameWithAReasonAndTheTimelineShowsIt() {
    String reference = newCase(CaseFixtures.UNIVERSAL_SCHOOL, "Ida Marsh");
    CaseFileClient officer = signedIn("officer");
    CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
    // the parent's id is the person the case named (issue #12 item 3)
    String parents = String.valueOf(runtimeService.getVariable(
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId(), "parents"));
    java.util.regex.Matcher person = java.util.regex.Pattern.compile("\"id\":\"(P-\\d{6,})\"").matcher(parents);
    assertThat(person.find()).as(parents).isTrue();
    String field = "parents/" + person.group(1) + "/name";
    CaseFileClient.Page missing = officer.post(page, "#correction-form", Map.of("field", field, "value", "Gayle Marsh"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.html().select(".govuk-error-summary a").eachAttr("href")).containsExactly("#correction-reason");

    CaseFileClient.Page corrected = officer.post(page, "#correction-form",
        Map.of("field", field, "value", "Gayle Marsh", "reason", "Misspelt on the referral form"));
    assertThat(corrected.status()).isEqualTo(302);
    CaseFileClient.Page after = officer.get("/casework/cases/" + reference);
    assertThat(after.html().select("#parents").text()).contains("Gayle Marsh").doesNotContain("Gail Marsh");
    assertThat(after.html().select("#timeline li").first().text())
        .contains("Detail corrected", "Olivia Okafor", "Parent's name: Gail Marsh → Gayle Marsh. Reason: Misspelt on the referral form");
  }

  /** Walk defect 10: a parent identified after the start is added from the case page, checked as at the start. */
  @Test
  void anOfficerAddsAParentIdentifiedLaterWhoIsAPersonIndexedForSearchAndInTheTimeline() {
    String reference = newCase(CaseFixtures.UNIVERSAL_SCHOOL, "Orla Marsh");
    String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    Object before = String.valueOf(runtimeService.getVariable(caseId, "parents"));
    CaseFileClient officer = signedIn("officer");
    CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
    assertThat(page.html().select("#parent-form")).hasSize(1);

    // bad input is refused naming the field, and nothing is added
    CaseFileClient.Page noAddress = officer.post(page, "#parent-form", Map.of("parent-name", "Declan Quigley", "parent-address", " "));
    assertThat(noAddress.status()).isEqualTo(400);
    assertThat(noAddress.html().select(".govuk-error-summary a").eachAttr("href")).containsExactly("#parent-address");
    assertThat(noAddress.html().select("#parent-address-error").text()).contains("Address is required: a penalty notice is posted to it");
    assertThat(noAddress.html().select("#parent-name").attr("value")).isEqualTo("Declan Quigley");
    CaseFileClient.Page longName = officer.post(page, "#parent-form",
        Map.of("parent-name", "D".repeat(201), "parent-address", "9 Quay Street, Southend SS1 9QQ"));
    assertThat(longName.status()).isEqualTo(400);
    assertThat(longName.html().select(".govuk-error-summary a").eachAttr("href")).containsExactly("#parent-name");
    assertThat(longName.html().select("#parent-name-error").text()).contains("Full name must be at most 200 characters");
    // the parent the case already names is refused (same person)
    CaseFileClient.Page twice = officer.post(page, "#parent-form",
        Map.of("parent-name", "Gail Marsh", "parent-address", "1 High Street, Southend SS1 1AA"));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.html().select("#parent-name-error").text()).contains("a parent the case already has");
    assertThat(String.valueOf(runtimeService.getVariable(caseId, "parents"))).isEqualTo(before);

    CaseFileClient.Page added = officer.post(page, "#parent-form",
        Map.of("parent-name", " Declan Quigley ", "parent-address", "9 Quay Street, Southend SS1 9QQ"));
    assertThat(added.status()).isEqualTo(302);
    String parents = String.valueOf(runtimeService.getVariable(caseId, "parents"));
    java.util.regex.Matcher person =
        java.util.regex.Pattern.compile("\\{\"id\":\"(P-\\d{6,})\",\"name\":\"Declan Quigley\",\"address\":\"9 Quay Street, Southend SS1 9QQ\"")
            .matcher(parents);
    assertThat(person.find()).as(parents).isTrue();
    assertThat(parents).contains("Gail Marsh");
    assertThat(added.location()).endsWith("/casework/cases/" + reference + "?done=parent");
    CaseFileClient.Page after = officer.get("/casework/cases/" + reference + "?done=parent");
    assertThat(after.html().select(".govuk-notification-banner").text()).contains("The parent has been added");
    assertThat(after.html().select("#parents").text()).contains("Gail Marsh", "Declan Quigley", "9 Quay Street");
    assertThat(after.html().select("#parents a[href=/casework/persons/" + person.group(1) + "]")).hasSize(1);
    assertThat(after.html().select("#timeline li").first().text())
        .contains("Parent added", "Olivia Okafor", "Declan Quigley, 9 Quay Street, Southend SS1 9QQ");
    // the search table knows the new parent: a search for their name finds the case
    assertThat(officer.get("/casework/?q=Declan+Quigley").html().select("table").text()).contains(reference);
  }

  @Test
  void aSchoolIsNotOfferedAddingAParentAndOneItSendsIsRefused() {
    String reference = newCase(CaseFixtures.UNIVERSAL_SCHOOL, "Pia Marsh");
    String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    Object before = String.valueOf(runtimeService.getVariable(caseId, "parents"));
    for (String user : new String[] {"school2", "manager"}) {
      CaseFileClient person = signedIn(user);
      CaseFileClient.Page page = person.get("/casework/cases/" + reference);
      assertThat(page.status()).as(user).isEqualTo(200);
      assertThat(page.html().select("#parent-form")).as(user).isEmpty();
      String token = page.html().select("input[name=_csrf]").attr("value");
      assertThat(person.postForm("/casework/cases/" + reference + "/parents",
              Map.of("_csrf", token, "parent-name", "Ray Quigley", "parent-address", "2 Quay Street")).status())
          .as(user).isEqualTo(403);
    }
    assertThat(String.valueOf(runtimeService.getVariable(caseId, "parents"))).isEqualTo(before);
  }

  /** Walk defect 10: the penalty notice route gives the parent added at the Pupil Planning Meeting a notice of their own. */
  @Test
  void aParentAddedBeforeThePupilPlanningMeetingGetsAPenaltyNoticeOfTheirOwn() {
    CaseFixtures.clockAt(2026, 11, 2, 10);
    try {
      ProcessInstance started = new CaseFileCases(runtimeService).start(
          Map.of(AttendanceCase.ENTRY_LEVEL.name(), 4, "pupilAddress", "3 Elm Row, Southend SS1 2CD"),
          CaseFixtures.UNIVERSAL_SCHOOL, "Rua Marsh", CaseFileCases.newUpn(), "parent-1", "Gwen Marsh");
      String reference = new CaseFileCases(runtimeService).referenceOf(started);
      org.camunda.bpm.engine.task.Task meeting = taskService.createTaskQuery().processInstanceId(started.getId()).singleResult();
      assertThat(meeting.getTaskDefinitionKey()).isEqualTo(AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id());

      CaseFileClient officer = signedIn("officer");
      CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
      assertThat(officer.post(page, "#parent-form",
          Map.of("parent-name", "Owen Marsh", "parent-address", "7 Pier Hill, Southend SS1 2EE")).status()).isEqualTo(302);

      taskService.complete(meeting.getId(), Map.of(
          "legalRoute", "penalty-notice", "legalRouteReason", "No engagement",
        "noContractReason", "Never tried: the parent would not meet", "noNoticeToImproveReason", "Support was refused at every stage",
          "offenceFrom", "2026-09-14", "offenceTo", "2026-10-09",
          "thresholdEvidenceConfirmed", true, "thresholdEvidenceSessions", 12));
      var notices = runtimeService.createProcessInstanceQuery().processDefinitionKey("PenaltyNotice")
          .superProcessInstanceId(started.getId()).listPage(0, 10);
      assertThat(notices.stream().map(notice -> runtimeService.getVariable(notice.getId(), "parentName")))
          .containsExactlyInAnyOrder("Gwen Marsh", "Owen Marsh");
      assertThat(notices.stream().map(notice -> String.valueOf(runtimeService.getVariable(notice.getId(), "parentAddress"))))
          .contains("7 Pier Hill, Southend SS1 2EE");
    } finally {
      uk.schoolattendance.TestClock.reset();
    }
  }

  /**
   * Review S3: a parent added while the Notice to Improve runs is added to the case only (the
   * notice keeps the parents its letters were for), and the Pupil Planning Meeting's form names
   * them as not having received it (the code of conduct asks for one before a penalty notice for
   * absence other than leave).
   */
  @Test
  void aParentAddedAfterTheNoticeToImproveIsAddedToTheCaseOnlyAndNamedAsNotHavingReceivedIt() {
    CaseFixtures.clockAt(2026, 11, 2, 10);
    try {
      AtNoticeToImprove at = caseAtItsNoticeToImprove();
      ProcessInstance started = at.started();
      String reference = at.reference();
      ProcessInstance notice = at.notice();
      String noticeParents = String.valueOf(runtimeService.getVariable(notice.getId(), "parents"));
      assertThat(runtimeService.getVariable(started.getId(), "parentsWithoutNoticeToImproveShown")).isNull();

      CaseFileClient officer = signedIn("officer");
      CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
      assertThat(officer.post(page, "#parent-form",
          Map.of("parent-name", "Owen Marsh", "parent-address", "7 Pier Hill, Southend SS1 2EE")).status()).isEqualTo(302);

      assertThat(String.valueOf(runtimeService.getVariable(started.getId(), "parents"))).contains("Gwen Marsh", "Owen Marsh");
      assertThat(String.valueOf(runtimeService.getVariable(notice.getId(), "parents")))
          .isEqualTo(noticeParents).contains("Gwen Marsh").doesNotContain("Owen Marsh");
      assertThat((String) runtimeService.getVariable(started.getId(), "parentsWithoutNoticeToImproveShown"))
          .contains("Owen Marsh (added on 2 November 2026, after the Notice to Improve was issued) has not received it")
          .contains("Notice to Improve first").doesNotContain("Gwen");
    } finally {
      uk.schoolattendance.TestClock.reset();
    }
  }

  /**
   * Review 2, S3 and S4: a parent added by correcting the whole {@code parents} list is treated as
   * one added on its own (the case only, named as not having received the running Notice to
   * Improve); a later Notice to Improve, issued to every parent the case then has, clears the naming.
   */
  @Test
  void aParentAddedByCorrectingTheWholeListIsNamedAsWithoutTheNoticeUntilALaterNoticeGoesToEveryParent() {
    CaseFixtures.clockAt(2026, 11, 2, 10);
    try {
      AtNoticeToImprove at = caseAtItsNoticeToImprove();
      ProcessInstance started = at.started();
      String reference = at.reference();
      ProcessInstance notice = at.notice();
      String noticeParents = String.valueOf(runtimeService.getVariable(notice.getId(), "parents"));

      String list = String.valueOf(runtimeService.getVariable(started.getId(), "parents")).strip();
      String body = "{\"field\": \"parents\", \"value\": " + list.substring(0, list.length() - 1)
          + ", {\"id\": \"parent-2\", \"name\": \"Owen Marsh\", \"address\": \"7 Pier Hill, Southend SS1 2EE\"}],"
          + " \"reason\": \"Owen has parental responsibility\"}";
      org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
      headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
      org.springframework.http.ResponseEntity<String> corrected = rest.withBasicAuth("officer", "officer").exchange(
          "/api/cases/" + reference + "/corrections", org.springframework.http.HttpMethod.POST,
          new org.springframework.http.HttpEntity<>(body, headers), String.class);
      assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);

      assertThat(String.valueOf(runtimeService.getVariable(started.getId(), "parents"))).contains("Gwen Marsh", "Owen Marsh");
      // the running notice keeps the parents its letters were for
      assertThat(String.valueOf(runtimeService.getVariable(notice.getId(), "parents")))
          .isEqualTo(noticeParents).doesNotContain("Owen Marsh");
      assertThat((String) runtimeService.getVariable(started.getId(), "parentsWithoutNoticeToImproveShown"))
          .contains("Owen Marsh (added on 2 November 2026, after the Notice to Improve was issued) has not received it")
          .doesNotContain("Gwen");

      // later the case goes back to a Notice to Improve, issued to every parent it has now
      CaseFixtures.clockAt(2026, 12, 7, 10);
      runtimeService.createProcessInstanceModification(started.getId())
          .cancelAllForActivity("Activity_IssueNoticeToImprove")
          .startBeforeActivity("Activity_IssueNoticeToImprove").execute();
      ProcessInstance second = runtimeService.createProcessInstanceQuery().superProcessInstanceId(started.getId())
          .processDefinitionKey("NoticeToImprove").singleResult();
      assertThat(String.valueOf(runtimeService.getVariable(second.getId(), "parents"))).contains("Gwen Marsh", "Owen Marsh");
      assertThat(runtimeService.getVariable(started.getId(), "parentsWithoutNoticeToImproveShown")).isNull();
    } finally {
      uk.schoolattendance.TestClock.reset();
    }
  }

  @Test
  void anOfficerEscalatesACaseWithAReasonAndTheTimelineSaysSo() {
    String reference = newCase(CaseFixtures.UNIVERSAL_SCHOOL, "Ned Marsh");
    CaseFileClient officer = signedIn("officer");
    CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
    assertThat(page.html().select("#level option").eachText()).containsExactly("Choose a level", "Level 2", "Level 3", "Level 4");
    CaseFileClient.Page refused = officer.post(page, "#level-form", Map.of("level", "3", "reason", ""));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary a").eachAttr("href")).containsExactly("#level-reason");
    assertThat(officer.post(page, "#level-form", Map.of("level", "3", "reason", "No engagement with the school")).status()).isEqualTo(302);
    CaseFileClient.Page after = officer.get("/casework/cases/" + reference);
    assertThat(after.html().select("#facts").text()).contains("Level 3");
    assertThat(after.html().select("#timeline").text()).contains("No engagement with the school");
  }

  @Test
  void anOfficerClosesACaseWithAReason() {
    String reference = newCase(CaseFixtures.UNIVERSAL_SCHOOL, "Jay Marsh");
    CaseFileClient officer = signedIn("officer");
    CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
    assertThat(officer.post(page, "#closure-form", Map.of("reason", "")).status()).isEqualTo(400);
    assertThat(officer.post(page, "#closure-form", Map.of("reason", "Family moved to Scotland")).status()).isEqualTo(302);
    CaseFileClient.Page closed = officer.get("/casework/cases/" + reference);
    assertThat(closed.html().select("h1").text()).contains("Closed");
    assertThat(closed.html().select("#next-step").text()).contains("Family moved to Scotland");
    assertThat(closed.html().select("#note-form")).isEmpty();
  }

  @Test
  void aSchoolReadsItsOwnCaseWithoutActionsAndAnotherSchoolsCaseIsNotFound() {
    String hillcrest = newCase(CaseFixtures.UNIVERSAL_SCHOOL, "Kai Marsh");
    CaseFileClient school2 = signedIn("school2");
    CaseFileClient.Page own = school2.get("/casework/cases/" + hillcrest);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.html().select("#note-form, #correction-form, #closure-form")).isEmpty();

    CaseFileClient school1 = signedIn("school1");
    CaseFileClient.Page other = school1.get("/casework/cases/" + hillcrest);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("Kai Marsh").contains("Page not found");
    assertThat(school1.get("/casework/cases/AC-1999-999999").status()).isEqualTo(404);
    // a change to another school's case is not found either, and changes nothing
    CaseFileClient.Page withToken = school1.get("/casework/");
    String token = withToken.html().select("input[name=_csrf]").attr("value");
    assertThat(school1.postForm("/casework/cases/" + hillcrest + "/notes", Map.of("_csrf", token, "kind", "note", "text", "x")).status())
        .isEqualTo(404);
  }

  @Test
  void aSchoolOrAManagerCannotChangeACaseTheyCanReadTheEngineRefuses() {
    String reference = newCase(CaseFixtures.UNIVERSAL_SCHOOL, "Lou Marsh");
    for (String user : new String[] {"school2", "manager"}) {
      CaseFileClient person = signedIn(user);
      CaseFileClient.Page page = person.get("/casework/cases/" + reference);
      assertThat(page.status()).as(user).isEqualTo(200);
      assertThat(page.html().select("#note-form")).as(user).isEmpty();
      String token = page.html().select("input[name=_csrf]").attr("value");
      CaseFileClient.Page refused =
          person.postForm("/casework/cases/" + reference + "/notes", Map.of("_csrf", token, "kind", "note", "text", "by " + user));
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(person.postForm("/casework/cases/" + reference + "/closure", Map.of("_csrf", token, "reason", "no")).status())
          .as(user).isEqualTo(403);
      assertThat(person.postForm("/casework/cases/" + reference + "/level", Map.of("_csrf", token, "level", "2", "reason", "no")).status())
          .as(user).isEqualTo(403);
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
    assertThat(signedIn("officer").get("/casework/cases/" + reference).html().select("#timeline").text()).doesNotContain("by school2", "by manager");
    assertThat(AttendanceCase.KEY).isNotEmpty();
  }

  private record AtNoticeToImprove(ProcessInstance started, String reference, ProcessInstance notice) {}

  /** Gwen Marsh's case for Ira at its Notice to Improve (as after a Level 3 review that turned to formal action). */
  private AtNoticeToImprove caseAtItsNoticeToImprove() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance started = cases.start(
        Map.of(AttendanceCase.ENTRY_LEVEL.name(), 4, "pupilAddress", "3 Elm Row, Southend SS1 2CD",
            AttendanceCase.SUFFICIENT_IMPROVEMENT.name(), "No unauthorised absence over the period"),
        CaseFixtures.UNIVERSAL_SCHOOL, "Ira Marsh", CaseFileCases.newUpn(), "parent-1", "Gwen Marsh");
    runtimeService.createProcessInstanceModification(started.getId())
        .cancelAllForActivity(AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id())
        .startBeforeActivity("Activity_IssueNoticeToImprove").execute();
    ProcessInstance notice = runtimeService.createProcessInstanceQuery().superProcessInstanceId(started.getId())
        .processDefinitionKey("NoticeToImprove").singleResult();
    return new AtNoticeToImprove(started, cases.referenceOf(started), notice);
  }
}
