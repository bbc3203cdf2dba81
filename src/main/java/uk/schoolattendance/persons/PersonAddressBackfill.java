package uk.schoolattendance.persons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import uk.schoolattendance.engine.BackfillMigration;

/**
 * Flyway V501: fills what V500 added for everything recorded before it, read with {@link
 * AddressWords} as it is written since: every person's postcode ({@code person.postcode}, which
 * {@link Persons} writes with each new person) and the address words (source {@code a} of {@code
 * cf_case_word}, which the search table's writer keeps with a case's parents) of every case whose
 * parents are persons. A parent a case still names by its position ({@code parent-1}, a case
 * opened before persons existed) has no address here and is found by name only. In the
 * migration's transaction, in JDBC batches, so a council's 100,000 persons take seconds. A
 * Spring bean: Spring Boot hands Flyway the Java migrations it finds among its beans.
 */
@Component
class PersonAddressBackfill extends BackfillMigration {

  private static final int BATCH = 1000;

  PersonAddressBackfill() {
    super(501, "person address search backfill");
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    List<String[]> persons = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT person_id, address FROM person");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        persons.add(new String[] {rows.getString(1), AddressWords.postcode(rows.getString(2))});
      }
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE person SET postcode = ? WHERE person_id = ?")) {
      int pending = 0;
      for (String[] person : persons) {
        if (person[1] != null) {
          update.setString(1, person[1]);
          update.setString(2, person[0]);
          update.addBatch();
          pending = flush(update, pending + 1);
        }
      }
      update.executeBatch();
    }
    Map<String, Set<String>> wordsOfCase = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement(
            "SELECT p.process_instance_id, s.address FROM cf_case_parent p JOIN person s ON s.person_id = p.parent_id"
                + " ORDER BY p.process_instance_id");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        wordsOfCase.computeIfAbsent(rows.getString(1), id -> new LinkedHashSet<>()).addAll(AddressWords.words(rows.getString(2)));
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO cf_case_word (word, process_instance_id, source) VALUES (?, ?, 'a')")) {
      int pending = 0;
      for (Map.Entry<String, Set<String>> words : wordsOfCase.entrySet()) {
        for (String word : words.getValue()) {
          insert.setString(1, word);
          insert.setString(2, words.getKey());
          insert.addBatch();
          pending = flush(insert, pending + 1);
        }
      }
      insert.executeBatch();
    }
  }

  /** Sends the batch when it is full; the statements pending after. */
  private static int flush(PreparedStatement statement, int pending) throws java.sql.SQLException {
    if (pending < BATCH) {
      return pending;
    }
    statement.executeBatch();
    return 0;
  }
}
