package uk.schoolattendance.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.JavaMigrations;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * A parent's address as "Find a pupil" searches it: the postcode normalised on {@code person}
 * (written with every person, filled for those recorded before by Flyway V501) and the address's
 * words with the case's words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PersonAddressSearchTest {

  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void aPostcodeIsReadWhateverItsSpacingAndCaseAndTheOtherWordsAsNamesAre() {
    assertThat(AddressWords.postcode("1 Marine Parade, Southend-on-Sea SS1 9ZX")).isEqualTo("SS19ZX");
    assertThat(AddressWords.postcode("1 marine parade, southend ss19zx")).isEqualTo("SS19ZX");
    assertThat(AddressWords.postcode("Flat 2, 10 Sea Road, London EC1A  1BB")).isEqualTo("EC1A1BB");
    assertThat(AddressWords.postcode("1 High Street, Southend")).isNull();
    assertThat(AddressWords.wholePostcode(" ss1   9zx ")).isEqualTo("SS19ZX");
    assertThat(AddressWords.wholePostcode("SS1 9ZX Marine")).isNull();
    assertThat(AddressWords.words("1 Marine Parade, Southend-on-Sea SS1 9ZX"))
        .containsExactly("1", "marine", "parade", "southend", "on", "sea");
    assertThat(AddressWords.words("St. Mary's Cottage, Église Lane")).containsExactly("st", "marys", "cottage", "eglise", "lane");
  }

  @Test
  void theMigrationFillsThePostcodeAndAddressWordsOfWhatWasRecordedBefore() throws Exception {
    assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM \"attendance_schema_history\" WHERE \"version\" IN ('500', '501') AND \"success\" = TRUE", Integer.class))
        .isEqualTo(2);
    String parents = "[{\"id\":\"parent-1\",\"name\":\"Una Backfilled\",\"address\":\"7 Pier Approach, Southend SS1 2QQ\"}]";
    ProcessInstance instance = new CaseFileCases(runtimeService).start(
        Map.of(AttendanceCase.PARENTS.name(), SpinValues.jsonValue(parents).create()),
        CaseFixtures.UNIVERSAL_SCHOOL, "Vic Backfilled", CaseFileCases.newUpn(), "parent-1", "Una Backfilled");
    String person = jdbc.queryForObject("SELECT person_id FROM person WHERE name = 'Una Backfilled'", String.class);
    assertThat(jdbc.queryForObject("SELECT postcode FROM person WHERE person_id = ?", String.class, person)).isEqualTo("SS12QQ");
    assertThat(addressWords(instance)).containsExactlyInAnyOrder("7", "pier", "approach", "southend");

    // as a database from before V500 holds them: no postcode, no address words
    jdbc.update("UPDATE person SET postcode = NULL WHERE person_id = ?", person);
    jdbc.update("DELETE FROM cf_case_word WHERE source = 'a'");
    try (Connection connection = dataSource.getConnection()) {
      JavaMigrations.migrate(new PersonAddressBackfill(), connection);
    }
    assertThat(jdbc.queryForObject("SELECT postcode FROM person WHERE person_id = ?", String.class, person)).isEqualTo("SS12QQ");
    assertThat(addressWords(instance)).containsExactlyInAnyOrder("7", "pier", "approach", "southend");
  }

  private List<String> addressWords(ProcessInstance instance) {
    return jdbc.queryForList(
        "SELECT word FROM cf_case_word WHERE process_instance_id = ? AND source = 'a'", String.class, instance.getId());
  }
}
