package uk.schoolattendance.browser;

import uk.schoolattendance.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import uk.schoolattendance.attendance.MarkImporter;
import uk.schoolattendance.attendance.RegisterCalendars;
import uk.schoolattendance.attendance.SchoolDays;

/**
 * An officer opens an attendance case in Tasklist through the Camunda Form: the parents come
 * from the parent 1 / parent 2 fields (a form-js dynamic list cannot be submitted in Tasklist
 * 7.24, see docs/process.md), the case gets its reference and waits at Level 1.
 */
class StartAttendanceCaseBrowserTest extends BrowserTestSupport {

  @Autowired RuntimeService runtimeService;
  @Autowired MarkImporter importer;
  @Autowired RegisterCalendars calendars;


  @Test
  void anOfficerOpensACaseWithTheStartForm() {
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/camunda/app/tasklist/default/#/?processStart=AttendanceCase");
      try {
        browser.type("[id$='Field_PupilUpn']", "X801200001002");
        browser.type("[id$='Field_PupilName']", "Robin Browser");
        browser.type("[id$='Field_SchoolUrn']", "100002");
        browser.type("[id$='Field_AttendancePercent']", "84.5");
        browser.type("[id$='Field_UnauthorisedSessions']", "6");
        browser.type("[id$='Field_Parent1Name']", "Alex Parent");
        browser.type("[id$='Field_Parent1Address']", "1 High Street, Southend");
        browser.type("[id$='Field_Parent2Name']", "Jo Parent");
        browser.type("[id$='Field_Parent2Address']", "5 Low Road, Southend");
        browser.type("[id$='Field_SupportSoFar']", "Call-backs and a meeting with the school");
        browser.screenshot("tasklist-start-attendance-case");
        browser.press(By.cssSelector("button[ng-click='startProcessInstance()']"));
        browser.waiting().until(d -> !cases().isEmpty());
      } catch (RuntimeException e) {
        browser.screenshot("tasklist-start-attendance-case-failed");
        browser.dumpPage("tasklist-start-attendance-case-failed");
        throw e;
      }
    }
    ProcessInstance started = cases().get(0);
    assertThat(started.getBusinessKey()).matches("AC-\\d{4}-\\d{6}");
    assertThat(runtimeService.getVariable(started.getId(), "parents").toString())
        .contains("Alex Parent").contains("Jo Parent").containsPattern("\"id\":\"P-\\d{6}\"").doesNotContain("parent-1");
    assertThat(runtimeService.getVariable(started.getId(), "attendancePercent")).isEqualTo(84.5);
    assertThat(runtimeService.getVariable(started.getId(), "level")).isEqualTo(1);
  }

  /**
   * A person types a number, tabs to the parent's name and goes on typing at a normal pace: form-js
   * commits the number a second time 300 ms after the Tab and redraws the form, which wiped the
   * letters typed into the name meanwhile ("ire Thornton" for "Claire Thornton").
   */
  @Test
  void aNameTypedAtANormalPaceAfterTabbingFromANumberKeepsItsFirstLetters() {
    try (Browser browser = browser()) {
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/camunda/app/tasklist/default/#/?processStart=AttendanceCase");
      browser.type("[id$='Field_PupilUpn']", Upns.valid("801200007301"));
      browser.type("[id$='Field_PupilName']", "Casey Thornton");
      browser.type("[id$='Field_SchoolUrn']", "100002");
      browser.type("[id$='Field_AttendancePercent']", "84.5");
      // about eight keys a second, as a person types
      browser.typeAtAPersonsPace("[id$='Field_UnauthorisedSessions']", "12\tClaire Thornton", Duration.ofMillis(120));
      browser.type("[id$='Field_Parent1Address']", "1 High Street, Southend");
      String typed = browser.visible(By.cssSelector("[id$='Field_Parent1Name']")).getDomProperty("value");
      browser.screenshot("tasklist-start-form-typed-at-a-persons-pace");
      assertThat(typed).isEqualTo("Claire Thornton");
      browser.press(By.cssSelector("button[ng-click='startProcessInstance()']"));
      browser.waiting().until(d -> !cases("Casey Thornton").isEmpty());
    }
    ProcessInstance started = cases("Casey Thornton").get(0);
    assertThat(runtimeService.getVariable(started.getId(), "parents").toString()).contains("\"Claire Thornton\"");
    assertThat(runtimeService.getVariable(started.getId(), "unauthorisedSessions")).isEqualTo(12);
  }

  /**
   * Walk 14, defects 5 and 6: a start for a UPN the register holds on another school's roll was
   * taken (and the case showed that school's figures), and a start for a register pupil took a
   * mistyped name and no date of birth. The start dialog refuses each, naming the field, and the
   * case that starts carries the register's name and date of birth.
   */
  @Test
  void aRegisterPupilsCaseIsRefusedAtAnotherSchoolAndTakesTheRegistersNameAndDateOfBirth() {
    LocalDate today = LocalDate.of(2026, 11, 25);
    ClockUtil.setCurrentTime(Date.from(today.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    String upn = Upns.valid("801905140001");
    try (Browser browser = browser()) {
      importFor(upn, "100002", "Kai", "Wilson", today);
      browser.logInTo("tasklist", "officer", "officer");
      browser.open("/camunda/app/tasklist/default/#/?processStart=AttendanceCase");
      browser.type("[id$='Field_PupilUpn']", upn);
      browser.type("[id$='Field_PupilName']", "Kai Wilsen");
      browser.type("[id$='Field_SchoolUrn']", "100001");
      browser.type("[id$='Field_AttendancePercent']", "84.5");
      browser.type("[id$='Field_UnauthorisedSessions']", "6");
      browser.type("[id$='Field_Parent1Name']", "Alex Wilson");
      browser.type("[id$='Field_Parent1Address']", "1 High Street, Southend");
      browser.press(By.cssSelector("button[ng-click='startProcessInstance()']"));
      browser.waitUntil("refused-at-another-school", () -> browser.errorNotifications().stream()
          .anyMatch(text -> text.contains("Unique Pupil Number (UPN) (pupilUpn): the register holds pupil " + upn
              + " on another school's roll")));
      browser.screenshot("tasklist-start-refused-another-schools-pupil");
      assertThat(casesOf(upn)).isEmpty();

      closeTheStartDialogsBox(browser);
      browser.type("[id$='Field_SchoolUrn']", "100002");
      browser.press(By.cssSelector("button[ng-click='startProcessInstance()']"));
      browser.waitUntil("refused-misspelt-name", () -> browser.errorNotifications().stream()
          .anyMatch(text -> text.contains("Pupil's name (pupilName): 'Kai Wilsen' is not the name the register holds for "
              + upn + ": Kai Wilson")));
      browser.screenshot("tasklist-start-refused-misspelt-name");
      assertThat(casesOf(upn)).isEmpty();

      closeTheStartDialogsBox(browser);
      browser.type("[id$='Field_PupilName']", "Kai Wilson");
      browser.press(By.cssSelector("button[ng-click='startProcessInstance()']"));
      browser.waiting().until(d -> !casesOf(upn).isEmpty());
    } finally {
      TestClock.reset();
    }
    ProcessInstance started = casesOf(upn).get(0);
    assertThat(runtimeService.getVariable(started.getId(), "pupilName")).isEqualTo("Kai Wilson");
    assertThat(String.valueOf(runtimeService.getVariable(started.getId(), "pupilDateOfBirth"))).isEqualTo("2015-02-03");
    assertThat(runtimeService.getVariable(started.getId(), "attendanceSource")).isEqualTo("marks");
  }

  /** The pupil's marks at the school from 7 September to the day before {@code until}: unauthorised every Monday. */
  private void importFor(String upn, String urn, String forename, String surname, LocalDate until) {
    SchoolDays days = calendars.of(Integer.parseInt(urn));
    StringBuilder csv = new StringBuilder("upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup,"
        + "parent1Name,parent1Address\n");
    boolean first = true;
    for (LocalDate day = LocalDate.of(2026, 9, 7); day.isBefore(until); day = day.plusDays(1)) {
      if (days.isSchoolDay(day)) {
        String code = day.getDayOfWeek().getValue() == 1 ? "O" : "/";
        csv.append(upn).append(',').append(urn).append(',').append(day).append(",AM,").append(code)
            .append(first ? "," + forename + "," + surname + ",2015-02-03,6,Alex " + surname + ",\"1 High Street, Southend\"" : "")
            .append('\n');
        csv.append(upn).append(',').append(urn).append(',').append(day).append(",PM,").append(code).append('\n');
        first = false;
      }
    }
    importer.importFile(MarkImporter.Format.CSV,
        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), null, "datateam", u -> true, until);
  }

  private static void closeTheStartDialogsBox(Browser browser) {
    browser.clickUntil("start-box-closed", By.cssSelector(".modal .notifications .alert-danger .close"),
        () -> browser.errorNotifications().isEmpty());
  }

  private List<ProcessInstance> casesOf(String upn) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
        .variableValueEquals("pupilUpn", upn).listPage(0, 10);
  }

  private List<ProcessInstance> cases() {
    return cases("Robin Browser");
  }

  private List<ProcessInstance> cases(String pupilName) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("AttendanceCase")
        .variableValueEquals("pupilName", pupilName).listPage(0, 10);
  }
}
