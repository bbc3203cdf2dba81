package uk.schoolattendance.casefile.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.PostgresApplication;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * "Find a pupil" by a parent's outward code alone ("TR21") on PostgreSQL, the production database:
 * the postcodes of that district only (not TR2's), found through an index, never a read of every
 * person (a prefix {@code LIKE} cannot use a plain B-tree index under PostgreSQL's usual collations).
 * The plan is asked with sequential scans priced out, so a query no index serves shows as one.
 */
class OutwardCodeSearchPostgresTest {

  static PostgresApplication onPostgres;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() throws IOException {
    onPostgres = PostgresApplication.start("outwardCodeSearchPostgresTest");
    jdbc = onPostgres.context().getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stop() {
    if (onPostgres != null) {
      onPostgres.close();
    }
  }

  @Test
  void anOutwardCodeFindsItsDistrictsParentsThroughAnIndex() {
    CaseFileCases cases = new CaseFileCases(onPostgres.context().getBean(RuntimeService.class));
    String inTr21 = start(cases, "Eve Outward", "Ann Outward", "5 Hugh Street, St Mary's TR21 0LL").getId();
    String inTr2 = start(cases, "Fay Outward", "Gus Outward", "2 Quay Road, St Mawes TR2 5DG").getId();

    CaseIndex index = onPostgres.context().getBean(CaseIndex.class);
    assertThat(index.byParentOutwardCode("TR21", 10)).containsExactly(inTr21);
    assertThat(index.byParentOutwardCode("TR2", 10)).containsExactly(inTr2);

    jdbc.execute("ANALYZE person");
    List<String> plan = new TransactionTemplate(onPostgres.context().getBean(
        org.springframework.transaction.PlatformTransactionManager.class)).execute(status -> {
          jdbc.execute("SET LOCAL enable_seqscan = off");
          return jdbc.queryForList("EXPLAIN " + CaseIndex.CASES_OF_PARENTS_IN_OUTWARD_CODE, String.class, "TR21");
        });
    assertThat(String.join("\n", plan)).as("the plan").contains("person_postcode_outward_ix").doesNotContain("Seq Scan on person");
  }

  private static org.camunda.bpm.engine.runtime.ProcessInstance start(CaseFileCases cases, String pupil, String parent, String address) {
    String parents = "[{\"id\":\"parent-1\",\"name\":\"" + parent + "\",\"address\":\"" + address + "\"}]";
    return cases.start(Map.of(AttendanceCase.PARENTS.name(), SpinValues.jsonValue(parents).create()),
        CaseFixtures.UNIVERSAL_SCHOOL, pupil, CaseFileCases.newUpn(), "parent-1", parent);
  }
}
