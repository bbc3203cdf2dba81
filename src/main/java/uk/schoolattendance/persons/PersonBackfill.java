package uk.schoolattendance.persons;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a person to every notice the register held before persons existed whose parent was a
 * case's position ({@code parent-1}, {@code parent-2}): matched on the parent's name and address
 * as printed on the notice, without a date of birth (docs/penalty-notices.md, "Persons"). Runs at
 * start-up, once per notice (a notice with a person is left alone), one transaction per notice,
 * safe on several nodes at once. Notices under a caller's own parent id keep counting by it.
 */
@Component
class PersonBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(PersonBackfill.class);

  private final JdbcTemplate jdbc;
  private final Persons persons;
  private final TransactionTemplate transactions;

  PersonBackfill(JdbcTemplate jdbc, Persons persons, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.persons = persons;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    LOG.debug("Persons given to {} notices issued before persons existed", backfill());
  }

  /** Gives each such notice its person; the number of notices given one. */
  int backfill() {
    List<Map<String, Object>> notices =
        jdbc.queryForList(
            "SELECT notice_number, parent_id, parent_name, parent_address FROM pn_notice"
                + " WHERE person_id IS NULL AND parent_id LIKE 'parent-%' ORDER BY notice_number");
    int given = 0;
    for (Map<String, Object> notice : notices) {
      if (!Persons.isPositionId((String) notice.get("parent_id"))) {
        continue;
      }
      Integer updated =
          transactions.execute(status -> {
            String person =
                persons.resolve(null, (String) notice.get("parent_name"), (String) notice.get("parent_address"), null);
            return jdbc.update(
                "UPDATE pn_notice SET person_id = ? WHERE notice_number = ? AND person_id IS NULL",
                person, notice.get("notice_number"));
          });
      given += updated == null ? 0 : updated;
    }
    return given;
  }
}
