package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.schoolattendance.attendance.RegisterApi.importCsv;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.RegisterFigures;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.ParentRelationships;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.process.Upn;

/**
 * A case's start for a UPN the register knows (walk 14, defects 5, 6 and 1): the case belongs to a
 * school whose roll the pupil is on and shows only the figures that school may read; the typed
 * name and date of birth are the register's; a case opened from "Review identified pupils" keeps
 * the register's relationship and parental responsibility of each parent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseStartFromTheRegisterTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final LocalDate LEFT = LocalDate.of(2026, 11, 13);
  static final String HEADER = "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup,parent1Name,"
      + "parent1Relationship,parent1Address,parent1Responsibility,parent2Name,parent2Relationship,parent2Address,leavingDate\n";

  @RegisterExtension static final RegisterDay DAY = new RegisterDay(TODAY);

  @Autowired TestRestTemplate rest;
  @Autowired RegisterCalendars calendars;
  @Autowired RuntimeService runtime;
  @Autowired RegisterFigures registerFigures;
  @Autowired AttendanceRegister register;
  @Autowired OpenAttendanceCases openAttendanceCases;

  /** Walk 14, defect 5: Riverside typed a Hillcrest pupil's UPN with its own URN and read Hillcrest's figures. */
  @Test
  void aSchoolCannotOpenACaseForAPupilOnAnotherSchoolsRollNorReadTheirFigures() {
    String upn = Upn.of(700_514_000_001L);
    imported("school2", upn, "100002", "Reuben", "White", "2016-03-04", "Alex White", "father", "true", null);
    assertThat(registerFigures.current(upn, "100002")).isPresent();
    assertThat(registerFigures.current(upn, "100001")).isEmpty();

    Map<String, Object> start = start(upn, "Reuben White", "100001");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(AttendanceCase.KEY, start))
        .hasMessageContaining("Unique Pupil Number (UPN) (pupilUpn): the register holds pupil " + upn + " on another school's roll")
        .hasMessageContaining("nothing was started")
        .hasMessageNotContaining("100002").hasMessageNotContaining("Hillcrest");
    assertThat(cases(upn)).isEmpty();

    ProcessInstance hillcrests = runtime.startProcessInstanceByKey(AttendanceCase.KEY, start(upn, "Reuben White", "100002"));
    assertThat(runtime.getVariable(hillcrests.getId(), "attendanceSource")).isEqualTo("marks");
  }

  /**
   * A pupil who left the school's roll and is on no other: the school the pupil left (a case that
   * stayed with it) reads the figures as of the leaving date; a school whose roll the pupil was
   * never on reads none.
   */
  @Test
  void aSchoolThePupilLeftReadsTheFiguresAsOfTheLeavingDateAndAnyOtherNone() {
    String upn = Upn.of(700_514_000_002L);
    imported("school1", upn, "100001", "Lee", "Leaver", "2016-03-04", "Alex Leaver", "mother", "true", LEFT);
    Figures asLeft = register.figures(upn, LEFT).orElseThrow();
    assertThat(registerFigures.current(upn, "100001")).contains(
        new RegisterFigures.CaseFigures(asLeft.attendancePercent(), asLeft.unauthorisedInLast10SchoolWeeks()));
    assertThat(registerFigures.current(upn, "100002")).isEmpty();
    // the pupil is on no roll: a case at another school is not refused, but takes no register figures
    Map<String, Object> elsewhere = start(upn, "Someone Else", "100002");
    elsewhere.put("attendancePercent", 99.0);
    elsewhere.put("unauthorisedSessions", 0);
    ProcessInstance other = runtime.startProcessInstanceByKey(AttendanceCase.KEY, elsewhere);
    assertThat(runtime.getVariables(other.getId())).containsEntry("attendanceSource", "entered")
        .containsEntry("attendancePercent", 99.0).containsEntry("pupilName", "Someone Else");
  }

  /** Walk 14, defect 6: "Kai Wilsen" with no date of birth was taken for the register's Kai Wilson. */
  @Test
  void theTypedNameAndDateOfBirthAreTheRegistersOrRefusedShowingTheRegisters() {
    String upn = Upn.of(700_514_000_003L);
    imported("school2", upn, "100002", "Kai", "Wilson", "2015-05-01", "Alex Wilson", "mother", "true", null);

    Map<String, Object> misspelt = start(upn, "Kai Wilsen", "100002");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(AttendanceCase.KEY, misspelt))
        .hasMessageContaining("Pupil's name (pupilName): 'Kai Wilsen' is not the name the register holds for " + upn + ": Kai Wilson");
    Map<String, Object> wrongBirthday = start(upn, "Kai Wilson", "100002");
    wrongBirthday.put("pupilDateOfBirth", "2015-05-02");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(AttendanceCase.KEY, wrongBirthday))
        .hasMessageContaining("(pupilDateOfBirth): 2 May 2015 is not the date of birth the register holds for " + upn
            + ": 1 May 2015");
    assertThat(cases(upn)).isEmpty();

    // the same name in other letter case and spacing, no date of birth: the register's are taken
    ProcessInstance started = runtime.startProcessInstanceByKey(AttendanceCase.KEY, start(upn, " kai  WILSON ", "100002"));
    Map<String, Object> variables = runtime.getVariables(started.getId());
    assertThat(variables).containsEntry("pupilName", "Kai Wilson");
    assertThat(String.valueOf(variables.get("pupilDateOfBirth"))).isEqualTo("2015-05-01");
  }

  /** Walk 14, defect 1: a case opened from the review read "Relationship: Not recorded | Responsibility: Not recorded". */
  @Test
  void aCaseOpenedFromTheReviewKeepsTheRegistersRelationshipAndParentalResponsibility() {
    String upn = Upn.of(700_514_000_004L);
    imported("school1", upn, "100001", "Amelia", "Taylor", "2016-03-04", "Alex Taylor", "Mother", "true",
        null, "Jo Taylor,Step-Father,\"2 Low Road, Southend\"");
    ProcessInstance opened = runtime.startProcessInstanceByKey(AttendanceCase.KEY,
        openAttendanceCases.caseVariables(upn, "100001"));
    List<Parent> parents = Parents.parse("parents", runtime.getVariable(opened.getId(), "parents"),
        uk.schoolattendance.schools.CalendarProperties.DEFAULT_ZONE);
    assertThat(parents).extracting(Parent::name).containsExactly("Alex Taylor", "Jo Taylor");
    assertThat(parents.get(0).standing().relationship()).isEqualTo("mother");
    assertThat(parents.get(0).standing().parentalResponsibility()).isTrue();
    assertThat(parents.get(1).standing().relationship()).isEqualTo("step-parent");
    // review 2 L2: the file leaves Jo Taylor's parental responsibility blank; a step-parent holds it
    // only by agreement or order (Children Act 1989 s4A), so the case says "not recorded", not "yes"
    assertThat(parents.get(1).standing().parentalResponsibility()).isNull();
  }

  /**
   * "Open a case" from the case file fills the start form's parents from the register: {@code GET
   * /api/pupils/{upn}/parents} gives the parents a case opened from the review takes, to whoever may
   * read the pupil, and "not found" to a school whose roll the pupil is not on.
   */
  @Test
  void theRegistersParentsAreGivenToTheStartFormOnlyToWhoeverMayReadThePupil() throws Exception {
    String upn = Upn.of(700_514_000_009L);
    imported("school1", upn, "100001", "Ava", "Parentfill", "2016-03-04", "Sam Parentfill", "Mum", "true",
        null, "Jo Parentfill,Step-Father,\"2 Low Road, Southend\"");
    String url = "/api/pupils/" + upn + "/parents";
    org.springframework.http.ResponseEntity<String> own = rest.withBasicAuth("school1", "school1").getForEntity(url, String.class);
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    com.fasterxml.jackson.databind.JsonNode parents = new com.fasterxml.jackson.databind.ObjectMapper().readTree(own.getBody());
    assertThat(parents).hasSize(2);
    assertThat(parents.get(0).path("name").asText()).isEqualTo("Sam Parentfill");
    assertThat(parents.get(0).path("address").asText()).isEqualTo("1 High Street, Southend");
    assertThat(parents.get(0).path("relationship").asText()).isEqualTo("mother");
    assertThat(parents.get(0).path("parentalResponsibility").asBoolean()).isTrue();
    assertThat(parents.get(1).path("name").asText()).isEqualTo("Jo Parentfill");
    assertThat(parents.get(1).path("relationship").asText()).isEqualTo("step-parent");
    assertThat(parents.get(1).has("parentalResponsibility")).isFalse();
    // the same parents as a case opened from the review takes
    assertThat(parents).isEqualTo(openAttendanceCases.parents(upn));
    assertThat(rest.withBasicAuth("officer", "officer").getForEntity(url, String.class).getStatusCode().value()).isEqualTo(200);
    org.springframework.http.ResponseEntity<String> other = rest.withBasicAuth("school2", "school2").getForEntity(url, String.class);
    assertThat(other.getStatusCode().value()).isEqualTo(404);
    assertThat(String.valueOf(other.getBody())).doesNotContain("Parentfill");
  }

  /**
   * Review 2, L3 and T1: "improved" at Level 1 compares the register's rolling window of school
   * weeks ending on two days, read from the real marks. A pupil absent only in the first week of
   * term: year to date below 100 %, but the 10 school weeks to today hold none of those absences,
   * and the window to that first week holds little else. The window is the case's school's, as
   * that school may read it: none for a school whose roll the pupil was never on.
   */
  @Test
  void theRollingWindowOfSchoolWeeksComesFromTheMarksOfThoseWeeksOnly() {
    String upn = Upn.of(700_514_000_005L);
    LocalDate firstWeekEnds = LocalDate.of(2026, 9, 11);
    CsvFile file = new CsvFile().days(upn, "100002", calendars.of(100002), LocalDate.of(2026, 9, 7), TODAY.minusDays(1),
        (day, session) -> day.isAfter(firstWeekEnds) ? "/" : "O");
    assertThat(importCsv(rest, "school2", file.text()).getBody()).containsEntry("rowsRejected", 0);

    assertThat(register.figures(upn, TODAY).orElseThrow().attendancePercent()).isLessThan(95.0);
    RegisterFigures.RollingAttendance now = registerFigures.rolling(upn, "100002", TODAY).orElseThrow();
    assertThat(now.schoolWeeks()).isEqualTo(10);
    assertThat(now.from()).isAfter(firstWeekEnds);
    assertThat(now.attendancePercent()).isEqualTo(100.0);
    RegisterFigures.RollingAttendance then = registerFigures.rolling(upn, "100002", firstWeekEnds).orElseThrow();
    assertThat(then.attendancePercent()).isZero();
    assertThat(then.possibleSessions()).isEqualTo(10);
    // another school reads no window; a day before any marks has none
    assertThat(registerFigures.rolling(upn, "100001", TODAY)).isEmpty();
    assertThat(registerFigures.rolling(upn, "100002", LocalDate.of(2026, 7, 1))).isEmpty();
  }

  /** The register's words as the relationships in use: same word, usual words, anything else "other" where listed. */
  @Test
  void theRegistersRelationshipsBecomeTheConfiguredOnes() {
    ParentRelationships national = ParentRelationships.national();
    assertThat(OpenAttendanceCases.relationship(" Father ", national)).isEqualTo("father");
    assertThat(OpenAttendanceCases.relationship("step-mother", national)).isEqualTo("step-parent");
    assertThat(OpenAttendanceCases.relationship("foster father", national)).isEqualTo("carer");
    assertThat(OpenAttendanceCases.relationship("Grandmother", national)).isEqualTo("other");
    assertThat(OpenAttendanceCases.relationship(null, national)).isNull();
    ParentRelationships council = new ParentRelationships(List.of("mother", "father", "grandmother"));
    assertThat(OpenAttendanceCases.relationship("Grandmother", council)).isEqualTo("grandmother");
    assertThat(OpenAttendanceCases.relationship("step-father", council)).isNull();
  }

  private void imported(String user, String upn, String urn, String forename, String surname, String born,
      String parent, String relationship, String responsibility, LocalDate leaving) {
    imported(user, upn, urn, forename, surname, born, parent, relationship, responsibility, leaving, ",,");
  }

  private void imported(String user, String upn, String urn, String forename, String surname, String born,
      String parent, String relationship, String responsibility, LocalDate leaving, String parent2) {
    List<String> rows = new java.util.ArrayList<>();
    LocalDate last = leaving == null ? TODAY.minusDays(1) : leaving;
    boolean first = true;
    SchoolDays days = calendars.of(Integer.parseInt(urn));
    for (LocalDate day = LocalDate.of(2026, 9, 7); !day.isAfter(last); day = day.plusDays(1)) {
      if (!days.isSchoolDay(day)) {
        continue;
      }
      for (String session : List.of("AM", "PM")) {
        String code = day.getDayOfMonth() % 4 == 0 ? "O" : "/";
        String row = String.join(",", upn, urn, day.toString(), session, code);
        if (first) {
          row += "," + String.join(",", forename, surname, born, "6", parent, relationship,
              "\"1 High Street, Southend\"", responsibility, parent2) + ",";
          first = false;
        } else {
          row += ",,,,,,,,,,,,";
        }
        rows.add(row);
      }
    }
    if (leaving != null) { // the last row carries the leaving date: the pupil's last day on the roll
      rows.set(rows.size() - 1, rows.get(rows.size() - 1) + leaving);
    }
    assertThat(importCsv(rest, user, HEADER + String.join("\n", rows) + "\n").getBody()).containsEntry("rowsRejected", 0);
  }

  private Map<String, Object> start(String upn, String name, String urn) {
    Map<String, Object> start = new HashMap<>();
    start.put("pupilUpn", upn);
    start.put("pupilName", name);
    start.put("schoolUrn", urn);
    start.put("parents", SpinValues.jsonValue("[{\"name\":\"Alex Parent\",\"address\":\"1 High Street\"}]").create());
    return start;
  }

  private List<ProcessInstance> cases(String upn) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY)
        .variableValueEquals("pupilUpn", upn).list();
  }
}
