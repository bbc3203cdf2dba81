package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The print queue filters notices beyond the limit in the database ({@link
 * PenaltyNoticeEntry#BEYOND_LIMIT_SQL}); the tag, the CSV and the issuing checks use {@link
 * PenaltyNoticeEntry#beyondLimit}. Over every status and places around the limit, the two agree
 * (and the SQL's "within" is exactly the rest), so the print queue and the tag cannot disagree.
 */
class BeyondLimitSqlTest {

  private static final List<String> STATUSES = List.of(PenaltyNoticeEntry.PREPARED, PenaltyNoticeEntry.ISSUED,
      PenaltyNoticeEntry.UNPAID, PenaltyNoticeEntry.PAID, PenaltyNoticeEntry.WITHDRAWN, PenaltyNoticeEntry.PROSECUTED);

  @Test
  void theSqlSelectsExactlyTheNoticesTheJavaRuleCallsBeyondTheLimit() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:beyond-limit-sql;DB_CLOSE_DELAY=-1")) {
      try (Statement create = db.createStatement()) {
        create.execute("CREATE TABLE notices (id INT PRIMARY KEY, status VARCHAR(20), notice_sequence INT)");
      }
      List<PenaltyNoticeEntry> entries = new ArrayList<>();
      try (PreparedStatement insert = db.prepareStatement("INSERT INTO notices VALUES (?, ?, ?)")) {
        for (String status : STATUSES) {
          for (int sequence = 1; sequence <= 5; sequence++) {
            insert.setInt(1, entries.size());
            insert.setString(2, status);
            insert.setInt(3, sequence);
            insert.executeUpdate();
            entries.add(withStatus(NoticeBuilder.notice().sequence(sequence).prepared(), status));
          }
        }
      }
      for (int limit = 1; limit <= 4; limit++) {
        List<Integer> beyond = ids(db, PenaltyNoticeEntry.BEYOND_LIMIT_SQL, limit);
        List<Integer> within = ids(db, PenaltyNoticeEntry.WITHIN_LIMIT_SQL, limit);
        List<Integer> expected = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int id = 0; id < entries.size(); id++) {
          (entries.get(id).beyondLimit(limit) ? expected : rest).add(id);
        }
        assertThat(beyond).as("beyond a limit of %d", limit).isEqualTo(expected).isNotEmpty();
        assertThat(within).as("within a limit of %d", limit).isEqualTo(rest);
      }
    }
  }

  private static List<Integer> ids(Connection db, String condition, int limit) throws Exception {
    List<Integer> ids = new ArrayList<>();
    try (PreparedStatement query = db.prepareStatement("SELECT id FROM notices WHERE " + condition + " ORDER BY id")) {
      query.setString(1, PenaltyNoticeEntry.WITHDRAWN);
      query.setInt(2, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getInt(1));
        }
      }
    }
    return ids;
  }

  /** The same notice with another status (the record has no such copy: tests only). */
  private static PenaltyNoticeEntry withStatus(PenaltyNoticeEntry entry, String status) throws Exception {
    RecordComponent[] components = PenaltyNoticeEntry.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = "status".equals(components[i].getName()) ? status : components[i].getAccessor().invoke(entry);
    }
    Constructor<PenaltyNoticeEntry> canonical = PenaltyNoticeEntry.class.getDeclaredConstructor(types);
    return canonical.newInstance(values);
  }
}
