package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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

    CaseFileClient.Page merged = senior.post(page, "#merge-form",
        Map.of("otherPersonId", other, "reason", "Same parent: the school confirmed Alex is short for Alexander"));
    assertThat(merged.status()).isEqualTo(302);
    assertThat(merged.location()).endsWith(survivorPage + "?done=merged");
    CaseFileClient.Page after = senior.get(survivorPage + "?done=merged");
    assertThat(after.html().select("#done").text()).contains(other);
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
