package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.persons.Persons;

/**
 * The person page ({@code /casework/persons/{id}}): reached from a case's parents, merged by a
 * senior practitioner with a reason, refused with the field named and nothing changed; no form
 * and a 403 for an attendance officer; "Page not found" for a school no pupil of which names them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PersonPageTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired Persons persons;
  @Autowired JdbcTemplate jdbc;

  private CaseFileClient signedIn(String user) {
    CaseFileClient person = new CaseFileClient(port);
    person.signIn(user);
    return person;
  }

  /** A surname no other test uses: letters only, as a name must be. */
  private static String surname() {
    StringBuilder name = new StringBuilder("Merge");
    for (int i = 0; i < 6; i++) {
      name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return name.toString();
  }

  /** Starts a case at the school naming this parent; its reference. */
  private String caseNaming(String school, String parentName) {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    return cases.referenceOf(cases.start(school, "Pip " + parentName.substring(parentName.indexOf(' ') + 1),
        CaseFileCases.newUpn(), "parent-1", parentName));
  }

  /** The person page a case page links its (only) parent to. */
  private static String personHref(CaseFileClient viewer, String reference) {
    CaseFileClient.Page page = viewer.get("/casework/cases/" + reference);
    assertThat(page.status()).isEqualTo(200);
    String href = page.html().select("#parents a").attr("href");
    assertThat(href).matches(".*/casework/persons/P-\\d{6,}");
    return href.substring(href.indexOf("/casework/"));
  }

  @Test
  void aSeniorPractitionerMergesTwoRecordsOfOneParentFromThePage() {
    String surname = surname();
    String first = caseNaming(CaseFixtures.UNIVERSAL_SCHOOL, "Alex " + surname);
    String second = caseNaming(CaseFixtures.TRADED_SCHOOL, "Alexander " + surname);
    CaseFileClient senior = signedIn("senior");
    String survivorPage = personHref(senior, first);
    String otherPage = personHref(senior, second);
    String survivor = survivorPage.substring(survivorPage.lastIndexOf('/') + 1);
    String other = otherPage.substring(otherPage.lastIndexOf('/') + 1);
    assertThat(survivor).isNotEqualTo(other);

    CaseFileClient.Page page = senior.get(survivorPage);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("h1").text()).isEqualTo("Alex " + surname);
    assertThat(page.html().select("#date-of-birth").text()).isEqualTo("Not recorded");
    assertThat(page.html().select("#cases").text()).contains(first).doesNotContain(second);
    assertThat(page.html().select("#cases a").attr("href")).endsWith("/casework/cases/" + first);

    // refused: the field named, nothing merged
    CaseFileClient.Page noReason = senior.post(page, "#merge-form", Map.of("otherPersonId", other, "reason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.html().select(".govuk-error-summary a[href=#reason]").text()).isEqualTo("Enter why they are the same person");
    assertThat(noReason.html().select("#otherPersonId").attr("value")).isEqualTo(other);
    CaseFileClient.Page itself = senior.post(page, "#merge-form", Map.of("otherPersonId", survivor, "reason", "Same"));
    assertThat(itself.status()).isEqualTo(400);
    assertThat(itself.html().select(".govuk-error-summary a[href=#otherPersonId]").text()).contains("already the same person");
    CaseFileClient.Page unknown = senior.post(page, "#merge-form", Map.of("otherPersonId", "P-999999", "reason", "Same"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.html().select(".govuk-error-summary a[href=#otherPersonId]").text()).contains("there is no person P-999999");
    assertThat(persons.survivor(other)).contains(other);
    assertThat(senior.get(otherPage).status()).isEqualTo(200);

    // sending the form merges nothing: a check page shows both records side by side (walk 12, defect 21)
    CaseFileClient.Page check = senior.post(page, "#merge-form",
        Map.of("otherPersonId", other, "reason", "Same parent: the school confirmed Alex is short for Alexander"));
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.html().select("h1").text()).isEqualTo("Check these are the same person");
    assertThat(check.html().select("#stays").text())
        .contains("Alex " + surname, survivor, "1 High Street", "Not recorded", first).doesNotContain(second);
    assertThat(check.html().select("#merged-in").text())
        .contains("Alexander " + surname, other, "1 High Street", second).doesNotContain(first);
    assertThat(check.html().select("#reason-shown").text()).contains("Alex is short for Alexander");
    assertThat(persons.survivor(other)).contains(other);

    CaseFileClient.Page merged = senior.post(check, "#confirm-form", Map.of());
    assertThat(merged.status()).isEqualTo(302);
    assertThat(merged.location()).endsWith(survivorPage + "?done=merged");
    CaseFileClient.Page after = senior.get(survivorPage + "?done=merged");
    assertThat(after.html().select("#done").text())
        .contains("The records are merged: " + other + " is now part of this person's record");
    assertThat(after.html().select("html").attr("lang")).isEqualTo("en-GB");
    assertThat(after.html().select("#merged-ids").text()).isEqualTo(other);
    assertThat(after.html().select("#merges").text())
        .contains(other, "Samir Shah", "the school confirmed Alex is short for Alexander")
        .containsPattern("\\d{1,2} [A-Z][a-z]+ \\d{4}");
    assertThat(after.html().select("#cases").text()).contains(first, second);
    assertThat(persons.survivor(other)).contains(survivor);

    // the merged id shows the survivor's page
    CaseFileClient.Page old = senior.get(otherPage);
    assertThat(old.status()).isEqualTo(302);
    assertThat(old.location()).endsWith(survivorPage);
  }

  @Test
  void twoParentsOfOneChildAreNeverMerged() {
    String surname = surname();
    CaseFileCases cases = new CaseFileCases(runtimeService);
    String reference = cases.referenceOf(cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Lily " + surname,
        CaseFileCases.newUpn(), "parent-1", "Alex " + surname, "parent-2", "Sam " + surname));
    CaseFileClient senior = signedIn("senior");
    CaseFileClient.Page casePage = senior.get("/casework/cases/" + reference);
    java.util.List<String> ids = casePage.html().select("#parents a").eachAttr("href").stream()
        .map(href -> href.substring(href.lastIndexOf('/') + 1)).distinct().toList();
    assertThat(ids).hasSize(2);

    CaseFileClient.Page page = senior.get("/casework/persons/" + ids.get(1));
    CaseFileClient.Page refused = senior.post(page, "#merge-form",
        Map.of("otherPersonId", ids.get(0), "reason", "Same household, same address"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary a[href=#otherPersonId]").text())
        .contains("The records were not merged", "both parents on case " + reference, "two people");
    // nor by sending the confirmation straight away
    CaseFileClient.Page forced = senior.post(page, "#merge-form",
        Map.of("otherPersonId", ids.get(0), "reason", "Same household", "confirmed", "yes"));
    assertThat(forced.status()).isEqualTo(400);
    assertThat(persons.survivor(ids.get(0))).contains(ids.get(0));
    assertThat(persons.survivor(ids.get(1))).contains(ids.get(1));
  }

  /** A notice of this round (one child, one period) to this person, in this status. */
  private void noticeTo(String personId, String number, String upn, String status) {
    java.sql.Date from = java.sql.Date.valueOf("2027-01-04");
    java.sql.Date to = java.sql.Date.valueOf("2027-01-29");
    java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
    jdbc.update(
        "INSERT INTO pn_notice (notice_number, case_reference, pupil_upn, pupil_name, school_urn, parent_id, parent_name,"
            + " parent_address, notice_reason, offence_from, offence_to, notice_sequence, rate_scheme, prepared_on,"
            + " reduced_amount, full_amount, information_deadline, status, person_id, created_at, updated_at)"
            + " VALUES (?, 'AC-2099-000001', ?, 'Pip Test', '100001', ?, 'Parent', '1 High Street, Southend SS1 1AA',"
            + " 'other', ?, ?, 1, 'post-2024', ?, 80.00, 160.00, ?, ?, ?, ?, ?)",
        number, upn, personId, from, to, to, java.sql.Date.valueOf("2027-07-29"), status, personId, now, now);
  }

  @Test
  void aNoticeWithdrawnForAWrongNameDoesNotMakeTwoPeople() {
    String surname = surname();
    String wrong = persons.resolve("", "Jon " + surname, "1 High Street, Southend SS1 1AA", null);
    String corrected = persons.resolve("", "John " + surname, "1 High Street, Southend SS1 1AA", null);
    String upn = CaseFileCases.newUpn();
    String suffix = upn.substring(upn.length() - 6);
    noticeTo(wrong, "PN-2099-" + suffix, upn, "withdrawn");
    jdbc.update("UPDATE pn_notice SET withdrawal_ground = 'material-error' WHERE notice_number = ?", "PN-2099-" + suffix);
    noticeTo(corrected, "PN-2098-" + suffix, upn, "prepared");
    try {
      CaseFileClient senior = signedIn("senior");
      CaseFileClient.Page check = senior.post(senior.get("/casework/persons/" + corrected), "#merge-form",
          Map.of("otherPersonId", wrong, "reason", "Notice withdrawn for a wrong name and sent again"));
      assertThat(check.status()).isEqualTo(200);
      assertThat(check.html().select("h1").text()).isEqualTo("Check these are the same person");

      // a notice withdrawn as not prosecuted still went to a real person: still two people
      jdbc.update("UPDATE pn_notice SET withdrawal_ground = 'not-prosecuted' WHERE notice_number = ?", "PN-2099-" + suffix);
      CaseFileClient.Page notProsecuted = senior.post(senior.get("/casework/persons/" + corrected), "#merge-form",
          Map.of("otherPersonId", wrong, "reason", "Same"));
      assertThat(notProsecuted.status()).isEqualTo(400);
      assertThat(notProsecuted.html().select(".govuk-error-summary a[href=#otherPersonId]").text())
          .contains("each given a penalty notice for the same child and period", "two people");

      // two live notices of one round are still two people
      jdbc.update("UPDATE pn_notice SET status = 'issued' WHERE notice_number = ?", "PN-2099-" + suffix);
      CaseFileClient.Page refused = senior.post(senior.get("/casework/persons/" + corrected), "#merge-form",
          Map.of("otherPersonId", wrong, "reason", "Same"));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.html().select(".govuk-error-summary a[href=#otherPersonId]").text())
          .contains("each given a penalty notice for the same child and period", "two people");
    } finally {
      jdbc.update("DELETE FROM pn_notice WHERE pupil_upn = ?", upn);
    }
  }

  @Test
  void aDateOfBirthOnAnIdMergedInCountsToo() {
    String surname = surname();
    String address = "1 High Street, Southend SS1 1AA";
    String undated = persons.resolve("", "Kit " + surname, address, null);
    String bornIn1980 = persons.resolve("", "Kit " + surname, address, java.time.LocalDate.of(1980, 5, 1));
    String bornIn1985 = persons.resolve("", "Kit " + surname, address, java.time.LocalDate.of(1985, 5, 1));
    persons.merge(undated, bornIn1980, "senior", "Same parent: the school confirmed the date of birth");
    CaseFileClient senior = signedIn("senior");
    CaseFileClient.Page refused = senior.post(senior.get("/casework/persons/" + undated), "#merge-form",
        Map.of("otherPersonId", bornIn1985, "reason", "Same name and address"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary a[href=#otherPersonId]").text()).contains("different dates of birth");
    assertThat(persons.survivor(bornIn1985)).contains(bornIn1985);
  }

  @Test
  void recordsWithDifferentDatesOfBirthAreNeverMerged() {
    String surname = surname();
    String one = caseNaming(CaseFixtures.UNIVERSAL_SCHOOL, "Jo " + surname);
    CaseFileClient senior = signedIn("senior");
    String page = personHref(senior, one);
    String survivor = page.substring(page.lastIndexOf('/') + 1);
    String bornIn1980 = persons.resolve("", "Jo " + surname, "1 High Street, Southend SS1 1AA", java.time.LocalDate.of(1980, 5, 1));
    String bornIn1985 = persons.resolve("", "Jo " + surname, "1 High Street, Southend SS1 1AA", java.time.LocalDate.of(1985, 5, 1));
    // a record without a date of birth may be the same person: the check page is shown
    assertThat(senior.post(senior.get(page), "#merge-form", Map.of("otherPersonId", bornIn1980, "reason", "Same")).status())
        .isEqualTo(200);
    CaseFileClient.Page refused = senior.post(senior.get("/casework/persons/" + bornIn1985), "#merge-form",
        Map.of("otherPersonId", bornIn1980, "reason", "Same name and address"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary a[href=#otherPersonId]").text()).contains("different dates of birth");
    assertThat(persons.survivor(bornIn1980)).contains(bornIn1980);
    assertThat(survivor).isNotEqualTo(bornIn1980);
  }

  @Test
  void anAttendanceOfficerReadsThePersonButCannotMerge() {
    String surname = surname();
    String first = caseNaming(CaseFixtures.UNIVERSAL_SCHOOL, "Bo " + surname);
    String second = caseNaming(CaseFixtures.UNIVERSAL_SCHOOL, "Bobby " + surname);
    CaseFileClient officer = signedIn("officer");
    String personPage = personHref(officer, first);
    String other = personHref(officer, second);
    other = other.substring(other.lastIndexOf('/') + 1);

    CaseFileClient.Page page = officer.get(personPage);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("h1").text()).isEqualTo("Bo " + surname);
    assertThat(page.html().select("#merge-form")).isEmpty();
    String token = page.html().select("input[name=_csrf]").attr("value");
    assertThat(token).isNotEmpty();
    CaseFileClient.Page refused =
        officer.postForm(personPage + "/merge", Map.of("_csrf", token, "otherPersonId", other, "reason", "Same"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(persons.survivor(other)).contains(other);
  }

  @Test
  void aSchoolFindsOnlyTheParentsItsOwnPupilsCasesName() {
    String reference = caseNaming(CaseFixtures.UNIVERSAL_SCHOOL, "Cy " + surname());
    String personPage = personHref(signedIn("officer"), reference);

    CaseFileClient ownSchool = signedIn("school2");
    CaseFileClient.Page page = ownSchool.get(personPage);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("#cases").text()).contains(reference);
    assertThat(page.html().select("#merge-form")).isEmpty();
    assertThat(personHref(ownSchool, reference)).isEqualTo(personPage);

    CaseFileClient.Page otherSchool = signedIn("school1").get(personPage);
    assertThat(otherSchool.status()).isEqualTo(404);
    assertThat(otherSchool.html().select("h1").text()).isEqualTo("Page not found");
    assertThat(signedIn("senior").get("/casework/persons/P-999999").status()).isEqualTo(404);
  }
}
