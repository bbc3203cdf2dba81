package uk.schoolattendance.casefile.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
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
 * V632 fills the no-longer-needed reason V631 gave the search table for the cases that closed no
 * longer needed before it, from the reason their history holds; other cases are left alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseNoLongerNeededReasonBackfillTest {

  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired CaseNoLongerNeededReasonBackfill backfill;

  @Test
  void casesClosedNoLongerNeededBeforeTheColumnGetTheReasonTheirHistoryHolds() throws Exception {
    String caseId = new CaseFileCases(runtimeService)
        .start(CaseFixtures.UNIVERSAL_SCHOOL, "Di Backfill", CaseFileCases.newUpn(), "parent-1", "Parent Backfill").getId();
    String open = new CaseFileCases(runtimeService)
        .start(CaseFixtures.UNIVERSAL_SCHOOL, "Ed Stillopen", CaseFileCases.newUpn(), "parent-1", "Parent Stillopen").getId();
    runtimeService.setVariable(caseId, AttendanceCase.NO_LONGER_NEEDED_REASON.name(), "home-educated");
    runtimeService.setVariable(open, AttendanceCase.NO_LONGER_NEEDED_REASON.name(), "home-educated");
    String reason = "SELECT no_longer_needed_reason FROM cf_case WHERE process_instance_id = ?";
    assertThat(jdbc.queryForObject(reason, String.class, caseId)).as("written with the case's other variables").isEqualTo("home-educated");
    try {
      // as written before V631: closed no longer needed, no reason on the row
      jdbc.update("UPDATE cf_case SET case_outcome = ?, closed_at = CURRENT_TIMESTAMP, no_longer_needed_reason = NULL"
          + " WHERE process_instance_id = ?", AttendanceCase.NO_LONGER_NEEDED_OUTCOME, caseId);
      jdbc.update("UPDATE cf_case SET no_longer_needed_reason = NULL WHERE process_instance_id = ?", open);
      try (Connection connection = dataSource.getConnection()) {
        JavaMigrations.migrate(backfill, connection);
      }
      assertThat(jdbc.queryForObject(reason, String.class, caseId)).isEqualTo("home-educated");
      assertThat(jdbc.queryForObject(reason, String.class, open)).as("a case not closed is not filled").isNull();
    } finally {
      jdbc.update("UPDATE cf_case SET case_outcome = NULL, closed_at = NULL WHERE process_instance_id = ?", caseId);
    }
  }
}
