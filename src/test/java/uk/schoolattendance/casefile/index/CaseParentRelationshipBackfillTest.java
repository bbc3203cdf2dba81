package uk.schoolattendance.casefile.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
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
 * V636 fills the relationship V635 gave the search table's parent rows for rows written before it,
 * from the case's parents as recorded; a parent whose relationship was never recorded stays NULL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseParentRelationshipBackfillTest {

  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired CaseParentRelationshipBackfill backfill;

  @Test
  void rowsWrittenBeforeTheColumnGetTheirParentsRelationship() throws Exception {
    String parents = "[{\"id\":\"parent-1\",\"name\":\"Ann Backfill\",\"address\":\"1 Mill Lane, Looe PL13 1AA\","
        + "\"relationship\":\"mother\"},{\"id\":\"parent-2\",\"name\":\"Bob Backfill\",\"address\":\"1 Mill Lane, Looe PL13 1AA\"}]";
    String caseId = new CaseFileCases(runtimeService).start(
        Map.of(AttendanceCase.PARENTS.name(), SpinValues.jsonValue(parents).create()),
        CaseFixtures.UNIVERSAL_SCHOOL, "Cy Backfill", CaseFileCases.newUpn(), "parent-1", "Ann Backfill", "parent-2", "Bob Backfill")
        .getId();
    String relationships = "SELECT parent_name || '=' || COALESCE(relationship, '-') FROM cf_case_parent"
        + " WHERE process_instance_id = ? ORDER BY parent_name";
    assertThat(jdbc.queryForList(relationships, String.class, caseId)).containsExactly("Ann Backfill=mother", "Bob Backfill=-");

    // as written before V635: no relationship on the rows
    jdbc.update("UPDATE cf_case_parent SET relationship = NULL WHERE process_instance_id = ?", caseId);
    try (Connection connection = dataSource.getConnection()) {
      JavaMigrations.migrate(backfill, connection);
    }
    assertThat(jdbc.queryForList(relationships, String.class, caseId)).containsExactly("Ann Backfill=mother", "Bob Backfill=-");
  }
}
