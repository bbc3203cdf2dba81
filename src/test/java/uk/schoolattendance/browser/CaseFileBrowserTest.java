package uk.schoolattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casework.CaseFixtures;

/** The case file in a real browser: one login with Tasklist, and finding a pupil. */
class CaseFileBrowserTest extends BrowserTestSupport {

  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;
  @Autowired uk.schoolattendance.notices.PenaltyNoticeNumbers numbers;
  @Autowired org.springframework.context.ApplicationContext applicationContext;

  /** Walk 12, defect 13: the case page's penalty notices were 472 px wide on a 390 px phone, "Due" and "Paid" off-screen. */
  @Test
  void theCasePagesPenaltyNoticesFitA390PxPhone() {
    String upn = CaseFileCases.newUpn();
    CaseFileCases cases = new CaseFileCases(runtimeService);
    String reference = cases.referenceOf(cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Noor Widdowson", upn,
        "parent-1", "Alexandra Widdowson-Parkinson"));
    String number = numbers.next();
    java.util.Map<String, Object> inputs = uk.schoolattendance.notices.NoticeInputs.inputs("NARROW-" + upn, upn, "other");
    inputs.put("caseReference", reference);
    runtimeService.startProcessInstanceByKey("PenaltyNotice", number, inputs);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      var js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
      browser.waitUntil("narrow", () -> ((Number) js.executeScript("return window.innerWidth;")).intValue() <= 400);
      browser.open("/casework/cases/" + reference);
      browser.visible(By.id("notices"));
      browser.screenshot("casefile-case-notices-390");
      Number overflow = (Number) js.executeScript("const d = document.documentElement;"
          + " const t = document.querySelector('#notices').getBoundingClientRect();"
          + " return Math.max(d.scrollWidth - d.clientWidth, Math.ceil(t.right) - d.clientWidth);");
      assertThat(overflow.intValue()).as("pixels past the right edge at 390 px").isLessThanOrEqualTo(0);
      // each value is shown under its column's name
      assertThat(browser.driver().findElement(By.id("notices")).getText()).contains(number);
      assertThat(js.executeScript("return getComputedStyle(document.querySelector('#notices td[data-label=Due]'),"
          + " '::before').content;")).isEqualTo("\"Due\"");
    }
  }

  /**
   * Walk 13, defect 4: the case page had no Court section. A case in court shows its proceedings as
   * facts (offence section, period, information laid, hearing, outcome) in a summary list that fits a
   * 390 px phone.
   */
  @Test
  void theCasePagesCourtSectionShowsTheProceedingsAndFitsA390PxPhone() {
    org.camunda.bpm.engine.TaskService taskService = applicationContext.getBean(org.camunda.bpm.engine.TaskService.class);
    CaseFixtures.clockAt(2026, 12, 3, 10);
    try {
      CaseFileCases cases = new CaseFileCases(runtimeService);
      var instance = cases.start(
          java.util.Map.of(uk.schoolattendance.casework.AttendanceCase.ENTRY_LEVEL.name(), 3,
              uk.schoolattendance.casework.AttendanceCase.UNAUTHORISED_SESSIONS.name(), 9),
          CaseFixtures.UNIVERSAL_SCHOOL, "Theodora Marsh-Pemberton", CaseFileCases.newUpn(), "parent-1",
          "Gail Marsh-Pemberton");
      String reference = cases.referenceOf(instance);
      java.util.function.BiConsumer<String, java.util.Map<String, Object>> complete = (key, variables) -> taskService.complete(
          taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult().getId(), variables);
      complete.accept("Task_WorkWithFamily", java.util.Map.of("earlyHelpConsent", false, "caseworkOutcome", "formalise"));
      complete.accept("Task_AgreeAttendanceContract", java.util.Map.of("contractAgreed", false,
          "noContractReason", "Parent refused to meet", "sufficientImprovement", "Attendance above 95 %"));
      complete.accept("Task_HoldPupilPlanningMeeting", java.util.Map.of("legalRoute", "prosecution", "offenceFrom", "2026-09-14",
          "offenceTo", "2026-10-09", "legalRouteReason", "Sustained absence",
          "noNoticeToImproveReason", "Parent refused every meeting: a notice would not be read"));
      String court = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult().getId();
      managementService.createJobQuery().processInstanceId(court).list().forEach(job -> managementService.executeJob(job.getId()));
      // the interview under caution comes before the court case is prepared (CourtProceedings 1.3)
      taskService.complete(taskService.createTaskQuery().processInstanceId(court).taskDefinitionKey("Task_InterviewUnderCaution")
          .singleResult().getId(), java.util.Map.of("interviewDate", "2026-12-01", "interviewRecordReference", "Legal file LF-2026-90"));
      taskService.complete(taskService.createTaskQuery().processInstanceId(court).taskDefinitionKey("Task_PrepareCourtCase")
          .singleResult().getId(), java.util.Map.of("offenceSection", "s444-1", "supervisionOrderConsidered", true,
              "informationLaidOn", "2026-12-02", "hearingDate", "2027-02-10"));
      try (Browser browser = browser()) {
        browser.logInTo("tasklist", "officer", "officer");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        var js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
        browser.waitUntil("narrow", () -> ((Number) js.executeScript("return window.innerWidth;")).intValue() <= 400);
        browser.open("/casework/cases/" + reference);
        browser.visible(By.id("court-heading"));
        js.executeScript("document.getElementById('court-heading').scrollIntoView();");
        browser.screenshot("casefile-case-court-390");
        String section = browser.driver().findElement(By.id("court-1")).getText();
        assertThat(section).contains("Prosecution of Gail Marsh-Pemberton", "Offence section",
            "Education Act 1996 s444(1): failure to secure regular attendance", "14 September 2026 to 9 October 2026",
            "Information laid on", "2 December 2026", "Hearing", "10 February 2027", "Not recorded yet");
        Number overflow = (Number) js.executeScript("const d = document.documentElement;"
            + " const t = document.querySelector('#court-1').getBoundingClientRect();"
            + " return Math.max(d.scrollWidth - d.clientWidth, Math.ceil(t.right) - d.clientWidth);");
        assertThat(overflow.intValue()).as("pixels past the right edge at 390 px").isLessThanOrEqualTo(0);
      }
    } finally {
      uk.schoolattendance.TestClock.reset();
    }
  }

  @Test
  void aPersonSignedInToTasklistIsSignedInToTheCaseFileAndFindsAPupil() {
    String upn = CaseFileCases.newUpn();
    String parents = "[{\"id\":\"parent-1\",\"name\":\"Dan Quornwell\",\"address\":\"9 Kestrel Mews, Leigh-on-Sea SS9 4KM\"}]";
    new CaseFileCases(runtimeService).start(
        java.util.Map.of(uk.schoolattendance.casework.AttendanceCase.PARENTS.name(),
            org.camunda.spin.plugin.variable.SpinValues.jsonValue(parents).create()),
        CaseFixtures.UNIVERSAL_SCHOOL, "Aria Quornwell", upn, "parent-1", "Dan Quornwell");
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/casework/");
      browser.visible(By.xpath("//h1[normalize-space(.)='Find a pupil']"));
      browser.type("#q", "quornw");
      browser.press(By.xpath("//button[normalize-space(.)='Search']"));
      browser.waitUntil("find-quornwell", () -> browser.driver().getPageSource().contains("1 case found"));
      browser.screenshot("casefile-find-a-pupil");
      assertThat(browser.driver().findElement(By.cssSelector("table.casefile-results")).getText())
          .contains("Aria Quornwell", upn, "Hillcrest Academy", "Intervene in school");
      assertThat(browser.driver().getTitle()).startsWith("1 case found for ‘quornw’ – Find a pupil");
      // the "Next step" column is in the table's font size, as the other columns
      var js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
      assertThat(js.executeScript("const r = document.querySelector('table.casefile-results tbody tr');"
          + " return getComputedStyle(r.querySelector('.casefile-next-steps li')).fontSize"
          + " === getComputedStyle(r.querySelector('td:nth-child(2)')).fontSize;")).isEqualTo(true);
      // on a 390 px wide phone the results fit: nothing runs off the right edge
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      browser.waitUntil("narrow", () -> ((Number) js.executeScript("return window.innerWidth;")).intValue() <= 400);
      browser.screenshot("casefile-find-a-pupil-390");
      Number overflow = (Number) js.executeScript("const d = document.documentElement;"
          + " const t = document.querySelector('table.casefile-results').getBoundingClientRect();"
          + " return Math.max(d.scrollWidth - d.clientWidth, Math.ceil(t.right) - d.clientWidth);");
      assertThat(overflow.intValue()).as("pixels past the right edge at 390 px").isLessThanOrEqualTo(0);
      assertThat(browser.driver().findElement(By.cssSelector("table.casefile-results")).getText())
          .contains(upn, "Next step", "Intervene in school");
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
      // a parent's postcode, typed in any spacing and case, and their house number and street find the pupil too
      browser.type("#q", "ss94km");
      browser.press(By.xpath("//button[normalize-space(.)='Search']"));
      browser.waitUntil("find-by-postcode", () -> browser.driver().getTitle().startsWith("1 case found for a parent's postcode SS9 4KM"));
      assertThat(browser.driver().findElement(By.cssSelector("table.casefile-results")).getText()).contains("Aria Quornwell", upn);
      // beside the pupil, the parent whose postcode matched: why the pupil is in the list
      assertThat(browser.driver().findElement(By.cssSelector(".casefile-matched-parent")).getText())
          .isEqualTo("Parent matched: Dan Quornwell (not recorded), 9 Kestrel Mews, Leigh-on-Sea SS9 4KM");
      // the outward code alone finds the district's parents, this one among them
      browser.type("#q", "ss9 ");
      browser.press(By.xpath("//button[normalize-space(.)='Search']"));
      browser.waitUntil("find-by-outward-code", () -> browser.driver().getTitle().contains("for a parent's postcode district SS9"));
      browser.screenshot("casefile-find-a-pupil-by-outward-code");
      assertThat(browser.driver().findElements(By.cssSelector(".casefile-matched-parent")).stream()
          .map(org.openqa.selenium.WebElement::getText).toList())
          .contains("Parent matched: Dan Quornwell (not recorded), 9 Kestrel Mews, Leigh-on-Sea SS9 4KM");
      browser.type("#q", "9 Kestrel Mews");
      browser.press(By.xpath("//button[normalize-space(.)='Search']"));
      browser.waitUntil("find-by-address", () -> browser.driver().getTitle().startsWith("1 case found for a parent's address ‘9 Kestrel Mews’"));
      browser.screenshot("casefile-find-a-pupil-by-address");
      assertThat(browser.driver().findElement(By.cssSelector("table.casefile-results")).getText()).contains("Aria Quornwell", upn);
      // Tasklist is in the navigation, and the person is still signed in there.
      browser.press(By.xpath("//a[normalize-space(.)='Tasklist']"));
      browser.waitUntil("back-to-tasklist", () -> browser.driver().getCurrentUrl().contains("/camunda/app/tasklist/")
          && !browser.driver().getCurrentUrl().contains("/login"));
    }
  }

  @Test
  void signingInToTheCaseFileSignsInToTasklist() {
    try (Browser browser = browser()) {
      browser.open("/casework/?q=smith");
      browser.visible(By.xpath("//h1[normalize-space(.)='Sign in']"));
      browser.screenshot("casefile-sign-in");
      browser.type("#username", "school2");
      browser.type("#password", "school2");
      browser.press(By.xpath("//button[normalize-space(.)='Sign in']"));
      browser.waitUntil("signed-in", () -> browser.driver().getCurrentUrl().endsWith("/casework/?q=smith"));
      assertThat(browser.driver().findElement(By.cssSelector(".casefile-header__person")).getText()).isNotBlank();
      browser.open("/camunda/app/tasklist/default/");
      browser.waitUntil("tasklist-signed-in", () -> browser.driver().getPageSource().contains("My school's tasks"));
      assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");
    }
  }

  @Test
  void anOfficerFindsAPupilReadsTheTimelineAddsANoteAndCorrectsTheName() {
    String upn = CaseFileCases.newUpn();
    CaseFileCases cases = new CaseFileCases(runtimeService);
    String reference = cases.referenceOf(
        cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Jonah Pembrok", upn, "parent-1", "Rhea Pembroke"));
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/casework/");
      browser.type("#q", "pembrok");
      browser.press(By.xpath("//button[normalize-space(.)='Search']"));
      browser.press(By.linkText("Jonah Pembrok"));
      browser.waitUntil("case-page", () -> browser.driver().getCurrentUrl().endsWith("/casework/cases/" + reference));
      assertThat(browser.driver().findElement(By.id("next-step")).getText()).contains("Intervene in school: Hillcrest Academy");
      assertThat(browser.driver().findElement(By.id("timeline")).getText()).isNotBlank();

      browser.press(By.id("kind-call"));
      browser.type("#on-day", "3");
      browser.type("#on-month", "11");
      browser.type("#on-year", "2026");
      browser.type("#text", "Rang Rhea: Jonah has been anxious about the new class.");
      browser.press(By.xpath("//button[normalize-space(.)='Add to the case']"));
      browser.waitUntil("note-added", () -> browser.driver().getPageSource().contains("The contact has been recorded"));

      browser.press(By.id("correction-field"));
      new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("correction-field")))
          .selectByValue("pupilName");
      browser.type("#correction-value", "Jonah Pembroke");
      browser.type("#correction-reason", "Misspelt on the school's referral");
      browser.press(By.xpath("//button[normalize-space(.)='Correct the detail']"));
      browser.waitUntil("corrected", () -> browser.driver().getPageSource().contains("The detail has been corrected"));
      String timeline = browser.driver().findElement(By.id("timeline")).getText();
      assertThat(timeline).contains("Detail corrected", "Pupil's name: Jonah Pembrok → Jonah Pembroke",
          "Phone call", "On 3 November 2026", "Jonah has been anxious");
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("Jonah Pembroke");
      browser.screenshot("casefile-case-page");
    }
  }

  /** s576: a parent added on the case page with their relationship to the child, parental responsibility and day-to-day care. */
  @Test
  void anOfficerAddsAParentWithTheirRelationshipOnTheCasePage() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    String reference = cases.referenceOf(
        cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Tobi Ashgrove", CaseFileCases.newUpn(), "parent-1", "Rhea Ashgrove"));
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/casework/cases/" + reference);
      browser.visible(By.id("parent-form"));
      assertThat(browser.driver().findElement(By.id("parents")).getText()).contains("Rhea Ashgrove", "Relationship: Not recorded");
      browser.type("#parent-name", "Kit Ashgrove");
      browser.type("#parent-address", "4 Mill Lane, Southend SS2 4ML");
      new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("parent-relationship")))
          .selectByVisibleText("Step-parent");
      browser.press(By.id("parent-responsibility-no"));
      browser.press(By.id("parent-care-yes"));
      browser.press(By.xpath("//button[normalize-space(.)='Add the parent']"));
      browser.waitUntil("parent-added", () -> browser.driver().getPageSource().contains("The parent has been added"));
      assertThat(browser.driver().findElement(By.id("parents")).getText())
          .contains("Kit Ashgrove", "4 Mill Lane, Southend SS2 4ML", "Relationship: Step-parent",
              "Responsibility: No parental responsibility; day-to-day care");
      browser.screenshot("casefile-parent-added-with-relationship");
    }
  }

  @Test
  void aSchoolCannotOpenAnotherSchoolsCaseByItsAddress() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    String reference = cases.referenceOf(
        cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Nell Hidden", CaseFileCases.newUpn(), "parent-1", "Ray Hidden"));
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school1", "school1");
      browser.open("/casework/cases/" + reference);
      browser.visible(By.xpath("//h1[normalize-space(.)='Page not found']"));
      assertThat(browser.driver().getPageSource()).doesNotContain("Nell Hidden");
      browser.screenshot("casefile-other-school-not-found");
    }
  }

  @Test
  void aSchoolSeesItsCasesNextStepsAndTheOutcomeOfAClosedOne() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Tess Ongoing", CaseFileCases.newUpn(), "parent-1", "Val Ongoing");
    org.camunda.bpm.engine.runtime.ProcessInstance ended =
        cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Theo Finished", CaseFileCases.newUpn(), "parent-1", "Wyn Finished");
    runtimeService.createMessageCorrelation(uk.schoolattendance.casework.AttendanceCase.CASE_CLOSED.name())
        .processInstanceId(ended.getId())
        .setVariable(uk.schoolattendance.casework.AttendanceCase.CLOSURE_REASON.name(), "Attendance back above 95%")
        .correlate();
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "school2", "school2");
      browser.open("/casework/");
      browser.press(By.linkText("My school's cases"));
      browser.waitUntil("school-cases", () -> browser.driver().getPageSource().contains("Theo Finished"));
      assertThat(browser.driver().findElement(By.id("open-cases")).getText()).contains("Tess Ongoing", "Intervene in school");
      assertThat(browser.driver().findElement(By.id("closed-cases")).getText())
          .contains("Theo Finished", "Closed early: Attendance back above 95%");
      browser.screenshot("casefile-my-schools-cases");
    }
  }
}
