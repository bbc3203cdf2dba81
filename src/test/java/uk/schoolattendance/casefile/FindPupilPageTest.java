package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * Find a pupil: by part of a name, UPN, date of birth (typed or in day/month/year), school and
 * case reference, siblings shown together, and only the cases the engine lets the viewer read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class FindPupilPageTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired uk.schoolattendance.persons.Persons persons;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** Walk 12, defect 15: a pupil the register holds without a case was "No cases found for UPN ...". */
  @Test
  void aPupilTheRegisterHoldsWithoutACaseIsShownAsSuchWithItsFiguresAndWhereToOpenACase() {
    String upn = CaseFileCases.newUpn();
    jdbc.update("INSERT INTO att_pupil (upn, forename, surname, date_of_birth, year_group, school_urn, updated_at)"
        + " VALUES (?, 'Orla', 'Nocase', DATE '2015-08-13', '6', ?, CURRENT_TIMESTAMP)",
        upn, Integer.parseInt(CaseFixtures.UNIVERSAL_SCHOOL));
    CaseFileClient officer = signedIn("officer");
    CaseFileClient.Page found = officer.get("/casework/?q=" + upn);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.html().select("#register-pupil").text())
        .contains("Orla Nocase: no case", upn, "Hillcrest", "13 August 2015", "this year", "unauthorised session");
    assertThat(found.html().select("#open-a-case").attr("href")).contains("/camunda/app/tasklist/");
    assertThat(found.html().select("table.casefile-results")).isEmpty();
    // a school that may not read the pupil's school is told nothing about the pupil
    assertThat(signedIn("school1").get("/casework/?q=" + upn).html().select("#register-pupil")).isEmpty();
  }

  private CaseFileClient signedIn(String user) {
    CaseFileClient person = new CaseFileClient(port);
    person.signIn(user);
    return person;
  }

  private static List<String> pupils(CaseFileClient.Page page) {
    return page.html().select("table.casefile-results tbody tr td:first-child a").eachText();
  }

  @Test
  void anOfficerFindsAPupilByPartOfTheNameUpnReferenceAndDateOfBirth() {
    String upn = CaseFileCases.newUpn();
    CaseFileCases cases = new CaseFileCases(runtimeService);
    // a date of birth no other test's pupil has: a search by date lists at most a page of pupils, and
    // the suite's other cases share the fixtures' date
    ProcessInstance started = cases.start(
        Map.of(AttendanceCase.PUPIL_DATE_OF_BIRTH.name(), CaseFixtures.london(2015, 2, 27, 0)),
        CaseFixtures.UNIVERSAL_SCHOOL, "Ravi Quennell-Smith", upn, "parent-1", "Priya Quennell");
    String reference = cases.referenceOf(started);
    CaseFileClient officer = signedIn("officer");

    CaseFileClient.Page byName = officer.get("/casework/?q=quenn+rav");
    assertThat(pupils(byName)).containsExactly("Ravi Quennell-Smith");
    Element row = byName.html().selectFirst("table.casefile-results tbody tr");
    assertThat(row.text()).contains(upn, "Born 27 February 2015", "Hillcrest", "Level 1", "Open", "Intervene in school");
    assertThat(row.selectFirst("a").attr("href")).isEqualTo("/casework/cases/" + reference);
    // the page's title says what was found, for what
    assertThat(byName.html().title()).startsWith("1 case found for ‘quenn rav’ – Find a pupil");
    assertThat(officer.get("/casework/?q=zzqxv").html().title()).startsWith("No cases found for ‘zzqxv’ – Find a pupil");
    assertThat(officer.get("/casework/").html().title()).startsWith("Find a pupil");

    assertThat(pupils(officer.get("/casework/?q=" + upn.toLowerCase()))).containsExactly("Ravi Quennell-Smith");
    assertThat(pupils(officer.get("/casework/?q=" + reference))).containsExactly("Ravi Quennell-Smith");
    assertThat(pupils(officer.get("/casework/?q=priya+quennell"))).containsExactly("Ravi Quennell-Smith");
    assertThat(pupils(officer.get("/casework/?q=27%2F02%2F2015"))).containsExactly("Ravi Quennell-Smith");
    CaseFileClient.Page byFields = officer.get("/casework/?q=&born-day=27&born-month=2&born-year=2015");
    assertThat(pupils(byFields)).containsExactly("Ravi Quennell-Smith");
    assertThat(byFields.html().select("#results-heading").text()).contains("for date of birth 27 February 2015");
    // walk 12, defect 15: an ISO date finds the pupil too
    assertThat(pupils(officer.get("/casework/?q=2015-02-27"))).containsExactly("Ravi Quennell-Smith");
    // and a parent's person id opens the parent's page, which lists their cases
    String personId = persons.match("Priya Quennell", "1 High Street, Southend SS1 1AA", null).orElseThrow();
    CaseFileClient.Page byPersonId = officer.get("/casework/?q=" + personId.toLowerCase());
    assertThat(byPersonId.status()).as(personId).isEqualTo(302);
    assertThat(byPersonId.location()).endsWith("/casework/persons/" + personId);
    assertThat(officer.get("/casework/persons/" + personId).html().select("#cases").text()).contains(reference);
    assertThat(officer.get("/casework/?q=P-999999999").html().title()).startsWith("No cases found");
  }

  /** Walk defect 19: a reference typed short or in lower case, and a name with a small misspelling, still find the case. */
  @Test
  void aShortLowerCaseReferenceAndANameOneLetterOffFindTheCaseExactMatchesFirst() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    String reference = cases.referenceOf(
        cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Lily Quarendon", CaseFileCases.newUpn(), "parent-1", "Dana Quarendon"));
    cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Mia Ahmed Quarendon", CaseFileCases.newUpn(), "parent-1", "Ezra Velloway");
    cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Mia Ahmad Quarendon", CaseFileCases.newUpn(), "parent-1", "Ines Tollworthy");
    CaseFileClient officer = signedIn("officer");

    // "ac-2026-14" for AC-2026-000014
    String typed = reference.substring(0, 8).toLowerCase() + Long.parseLong(reference.substring(8));
    assertThat(typed).isNotEqualTo(reference);
    CaseFileClient.Page byReference = officer.get("/casework/?q=" + typed);
    assertThat(pupils(byReference)).containsExactly("Lily Quarendon");
    assertThat(byReference.html().title()).startsWith("1 case found for case reference " + reference);

    // a letter added, changed or left out
    assertThat(pupils(officer.get("/casework/?q=lilly+quarendon"))).containsExactly("Lily Quarendon");
    assertThat(pupils(officer.get("/casework/?q=Lily+Quarenden"))).containsExactly("Lily Quarendon");
    assertThat(pupils(officer.get("/casework/?q=dana+quarrendon"))).containsExactly("Lily Quarendon");
    // the exact match first, though the near one comes first in the alphabet
    assertThat(pupils(officer.get("/casework/?q=ahmed+quarendon"))).containsExactly("Mia Ahmed Quarendon", "Mia Ahmad Quarendon");
    assertThat(pupils(officer.get("/casework/?q=ahmad+quarendon"))).containsExactly("Mia Ahmad Quarendon", "Mia Ahmed Quarendon");
    // a row found by forgiving a letter says so, and which word it forgave; an exact one does not
    CaseFileClient.Page near = officer.get("/casework/?q=lilly+quarendon");
    assertThat(near.html().select("tbody tr .casefile-close-match").text()).isEqualTo("Close match: Lily for Lilly");
    CaseFileClient.Page exactFirst = officer.get("/casework/?q=ahmed+quarendon");
    assertThat(exactFirst.html().select("tbody tr").get(0).select(".casefile-close-match")).isEmpty();
    assertThat(exactFirst.html().select("tbody tr").get(1).select(".casefile-close-match").text())
        .isEqualTo("Close match: Ahmad for Ahmed");
    assertThat(officer.get("/casework/?q=lily+quarendon").html().select(".casefile-close-match")).isEmpty();
    // two letters off is not a small misspelling; short words are not forgiven (too many names are one letter from "mia")
    assertThat(pupils(officer.get("/casework/?q=lolly+quarendon"))).isEmpty();
    assertThat(pupils(officer.get("/casework/?q=mya+quarendon"))).isEmpty();
  }

  @Test
  void childrenSharingALiableParentAreShownTogether() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    String parent = "PS-" + CaseFileCases.newUpn();
    cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Mia Vantongeren", CaseFileCases.newUpn(), parent, "Lou Okonkwo");
    cases.start(CaseFixtures.TRADED_SCHOOL, "Noah Okonkwo", CaseFileCases.newUpn(), parent, "Lou Okonkwo");
    CaseFileClient.Page found = signedIn("officer").get("/casework/?q=vantongeren");
    assertThat(pupils(found)).containsExactly("Mia Vantongeren", "Noah Okonkwo");
    assertThat(found.html().select("tr.casefile-sibling").text()).contains("Same family as Mia Vantongeren, parent Lou Okonkwo");
  }

  @Test
  void aSchoolFindsOnlyItsOwnPupilsCases() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    cases.start(CaseFixtures.UNIVERSAL_SCHOOL, "Ola Brightwater", CaseFileCases.newUpn(), "parent-1", "Sue Brightwater");
    cases.start(CaseFixtures.TRADED_SCHOOL, "Eli Brightwater", CaseFileCases.newUpn(), "parent-1", "Tom Brightwater");
    assertThat(pupils(signedIn("school2").get("/casework/?q=brightwater"))).containsExactly("Ola Brightwater");
    assertThat(pupils(signedIn("school1").get("/casework/?q=brightwater"))).containsExactly("Eli Brightwater");
    assertThat(pupils(signedIn("officer").get("/casework/?q=brightwater"))).containsExactlyInAnyOrder("Ola Brightwater", "Eli Brightwater");
  }

  /**
   * A pupil found by a parent's postcode (any spacing and case) or address words; a school finds
   * only its own schools' pupils and the page says nothing of the others.
   */
  @Test
  void aParentsPostcodeOrAddressFindsThePupilsWhoseParentsLiveThereAndASchoolOnlyItsOwn() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    startWithParentAt(cases, CaseFixtures.UNIVERSAL_SCHOOL, "Ada Seafront", "Kim Seafront", "1 Marine Parade, Southend-on-Sea SS1 9ZX");
    startWithParentAt(cases, CaseFixtures.TRADED_SCHOOL, "Ben Tidewell", "Joe Tidewell", "1 Marine Parade, Southend-on-Sea ss19zx");
    startWithParentAt(cases, CaseFixtures.UNIVERSAL_SCHOOL, "Cal Shoreby", "Lee Shoreby", "3 Marine Parade, Southend-on-Sea SS1  9ZX");
    startWithParentAt(cases, CaseFixtures.UNIVERSAL_SCHOOL, "Dev Inland", "Max Inland", "1 Marine Road, Leigh-on-Sea SS9 1AB");
    assertThat(jdbc.queryForList("SELECT DISTINCT postcode FROM person WHERE name IN ('Kim Seafront', 'Joe Tidewell', 'Lee Shoreby')",
        String.class)).containsExactly("SS19ZX");

    CaseFileClient officer = signedIn("officer");
    for (String typed : List.of("SS1 9ZX", "ss19zx", " Ss1   9zX ")) {
      CaseFileClient.Page found = officer.get("/casework/?q=" + typed.replace(" ", "+"));
      assertThat(pupils(found)).as(typed).containsExactlyInAnyOrder("Ada Seafront", "Ben Tidewell", "Cal Shoreby");
      assertThat(found.html().title()).startsWith("3 cases found for a parent's postcode SS1 9ZX – Find a pupil");
    }
    assertThat(pupils(officer.get("/casework/?q=1+Marine+Parade"))).containsExactlyInAnyOrder("Ada Seafront", "Ben Tidewell");
    assertThat(pupils(officer.get("/casework/?q=1+marine+parade%2C+SS1+9ZX"))).containsExactlyInAnyOrder("Ada Seafront", "Ben Tidewell");
    assertThat(pupils(officer.get("/casework/?q=Marine+Parade"))).containsExactlyInAnyOrder("Ada Seafront", "Ben Tidewell", "Cal Shoreby");
    assertThat(pupils(officer.get("/casework/?q=1+Marine+Road"))).containsExactly("Dev Inland");
    // a name search never matches a street: "Seafront" is Ada's family, not an address
    assertThat(pupils(officer.get("/casework/?q=seafront"))).containsExactly("Ada Seafront");

    // school2 (the universal school) and school1 (the traded one) each find only their own pupils
    CaseFileClient.Page school2 = signedIn("school2").get("/casework/?q=SS1+9ZX");
    assertThat(pupils(school2)).containsExactlyInAnyOrder("Ada Seafront", "Cal Shoreby");
    assertThat(school2.html().title()).startsWith("2 cases found");
    assertThat(school2.text()).doesNotContain("Tidewell").doesNotContain("There are more cases");
    CaseFileClient.Page school1 = signedIn("school1").get("/casework/?q=1+Marine+Parade");
    assertThat(pupils(school1)).containsExactly("Ben Tidewell");
    assertThat(school1.text()).doesNotContain("Seafront").doesNotContain("Shoreby");
    assertThat(pupils(signedIn("school1").get("/casework/?q=1+Marine+Road"))).isEmpty();
  }

  /**
   * An address or postcode search says which parent matched (name, relationship, address) beside
   * each pupil; an outward code alone ("TR21", "tr2 ") finds the parents' postcodes in that district
   * only (TR2 is not TR21); a school still finds only its own pupils.
   */
  @Test
  void anAddressSearchSaysWhichParentMatchedAndAnOutwardCodeAloneFindsItsDistrict() {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    String scilly = "[{\"id\":\"parent-1\",\"name\":\"Ann Scillonian\",\"address\":\"5 Hugh Street, St Mary's TR21 0LL\","
        + "\"relationship\":\"mother\"},{\"id\":\"parent-2\",\"name\":\"Bob Scillonian\","
        + "\"address\":\"8 Lemon Street, Truro TR1 2LS\",\"relationship\":\"father\"}]";
    cases.start(Map.of(AttendanceCase.PARENTS.name(), org.camunda.spin.plugin.variable.SpinValues.jsonValue(scilly).create()),
        CaseFixtures.UNIVERSAL_SCHOOL, "Eve Scillonian", CaseFileCases.newUpn(), "parent-1", "Ann Scillonian",
        "parent-2", "Bob Scillonian");
    startWithParentAt(cases, CaseFixtures.TRADED_SCHOOL, "Fay Roseland", "Gus Roseland", "2 Quay Road, St Mawes TR2 5DG");

    CaseFileClient officer = signedIn("officer");
    CaseFileClient.Page district = officer.get("/casework/?q=TR21");
    assertThat(pupils(district)).containsExactly("Eve Scillonian");
    assertThat(district.html().title()).startsWith("1 case found for a parent's postcode district TR21 – Find a pupil");
    assertThat(matched(district)).containsExactly("Parent matched: Ann Scillonian (mother), 5 Hugh Street, St Mary's TR21 0LL");
    CaseFileClient.Page tr2 = officer.get("/casework/?q=tr2+");
    assertThat(pupils(tr2)).containsExactly("Fay Roseland");
    assertThat(matched(tr2)).containsExactly("Parent matched: Gus Roseland (not recorded), 2 Quay Road, St Mawes TR2 5DG");
    assertThat(matched(officer.get("/casework/?q=tr1+2ls")))
        .containsExactly("Parent matched: Bob Scillonian (father), 8 Lemon Street, Truro TR1 2LS");
    assertThat(matched(officer.get("/casework/?q=8+Lemon+Street")))
        .containsExactly("Parent matched: Bob Scillonian (father), 8 Lemon Street, Truro TR1 2LS");
    assertThat(matched(officer.get("/casework/?q=Hugh+Street")))
        .containsExactly("Parent matched: Ann Scillonian (mother), 5 Hugh Street, St Mary's TR21 0LL");
    // a name search says nothing of addresses
    assertThat(matched(officer.get("/casework/?q=scillonian"))).isEmpty();

    // school2 (the universal school) finds Eve, not school1's Fay
    assertThat(pupils(signedIn("school2").get("/casework/?q=TR21"))).containsExactly("Eve Scillonian");
    CaseFileClient.Page school2 = signedIn("school2").get("/casework/?q=TR2");
    assertThat(pupils(school2)).isEmpty();
    assertThat(school2.text()).doesNotContain("Roseland");
  }

  /**
   * "Parent matched" names the parent whose row the search matched, as that row has them (name,
   * relationship, address): it read the case's parents again, so a case whose recorded parents changed
   * after its row was written (here: rewritten in the history behind the search table's back) named
   * nobody, or someone the search had not matched.
   */
  @Test
  void parentMatchedNamesTheRowTheSearchMatchedNotTheCasesParentsReadAgain() {
    String parents = "[{\"id\":\"parent-1\",\"name\":\"Ann Pierlane\",\"address\":\"3 Pier Lane, Fowey PL23 1AB\","
        + "\"relationship\":\"mother\"},{\"id\":\"parent-2\",\"name\":\"Bob Pierlane\","
        + "\"address\":\"7 Fore Street, Bodmin PL31 2AA\",\"relationship\":\"father\"}]";
    ProcessInstance started = new CaseFileCases(runtimeService).start(
        Map.of(AttendanceCase.PARENTS.name(), org.camunda.spin.plugin.variable.SpinValues.jsonValue(parents).create()),
        CaseFixtures.UNIVERSAL_SCHOOL, "Cy Pierlane", CaseFileCases.newUpn(), "parent-1", "Ann Pierlane", "parent-2", "Bob Pierlane");
    CaseFileClient officer = signedIn("officer");
    assertThat(matched(officer.get("/casework/?q=PL23+1AB")))
        .containsExactly("Parent matched: Ann Pierlane (mother), 3 Pier Lane, Fowey PL23 1AB");

    // the case's recorded parents change after its row was written: only Bob, now at another address
    String changed = "[{\"id\":\"parent-2\",\"name\":\"Bob Pierlane\",\"address\":\"9 Quay Street, Fowey PL23 1AB\","
        + "\"relationship\":\"father\"}]";
    Map<String, Object> stored = jdbc.queryForMap("SELECT BYTEARRAY_ID_ AS b, ID_ AS v FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ?"
        + " AND NAME_ = ?", started.getId(), AttendanceCase.PARENTS.name());
    if (stored.get("b") != null) {
      jdbc.update("UPDATE ACT_GE_BYTEARRAY SET BYTES_ = ? WHERE ID_ = ?", changed.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          stored.get("b"));
    } else {
      jdbc.update("UPDATE ACT_HI_VARINST SET TEXT_ = ? WHERE ID_ = ?", changed, stored.get("v"));
    }

    CaseFileClient.Page found = officer.get("/casework/?q=PL23+1AB");
    assertThat(pupils(found)).containsExactly("Cy Pierlane");
    assertThat(matched(found)).containsExactly("Parent matched: Ann Pierlane (mother), 3 Pier Lane, Fowey PL23 1AB");
    assertThat(matched(officer.get("/casework/?q=3+Pier+Lane")))
        .containsExactly("Parent matched: Ann Pierlane (mother), 3 Pier Lane, Fowey PL23 1AB");
  }

  private static List<String> matched(CaseFileClient.Page page) {
    return page.html().select(".casefile-matched-parent").eachText();
  }

  private static void startWithParentAt(CaseFileCases cases, String school, String pupil, String parent, String address) {
    String parents = "[{\"id\":\"parent-1\",\"name\":\"" + parent + "\",\"address\":\"" + address + "\"}]";
    cases.start(Map.of(AttendanceCase.PARENTS.name(), org.camunda.spin.plugin.variable.SpinValues.jsonValue(parents).create()),
        school, pupil, CaseFileCases.newUpn(), "parent-1", parent);
  }

  @Test
  void aSchoolsNameOrUrnFindsItsCases() {
    String upn = CaseFileCases.newUpn();
    new CaseFileCases(runtimeService).start(CaseFixtures.UNIVERSAL_SCHOOL, "Ivy Urnfinder", upn, "parent-1", "Val Urnfinder");
    CaseFileClient officer = signedIn("officer");
    assertThat(officer.get("/casework/?q=" + CaseFixtures.UNIVERSAL_SCHOOL).text()).contains(upn);
    assertThat(officer.get("/casework/?q=hillcrest").text()).contains(upn);
  }

  @Test
  void aDateThatIsNotADayIsRefusedNamingTheField() {
    CaseFileClient.Page refused = signedIn("officer").get("/casework/?q=&born-day=31&born-month=2&born-year=2016");
    assertThat(refused.html().title()).startsWith("Error: Find a pupil");
    assertThat(refused.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#born-day");
    assertThat(refused.html().select("#born-error").text()).contains("Date of birth must be a real date");
    assertThat(refused.html().select("#born-day").attr("value")).isEqualTo("31");

    CaseFileClient.Page empty = signedIn("officer").get("/casework/?q=");
    assertThat(empty.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#q");
  }
}
