package uk.schoolattendance.casefile.register;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The print runs of the print queue ({@code pn_print_run}, V515): a page of letters printed as one
 * PDF, by whom, when, for which day and way of giving, and its notices in the order printed. Each
 * copy of a run's PDF is counted: the first is the print, every later one a reprint.
 */
@Repository
class PrintRuns {

  /** A print run: {@code copies} of its PDF made so far (0 until it is first opened). */
  record PrintRun(
      long id, String printedBy, String printedByName, Instant printedAt, String method, LocalDate dispatchOn, int copies,
      String lastCopyBy, Instant lastCopyAt) {}

  private static final String COLUMNS =
      "run_id, printed_by, printed_by_name, printed_at, delivery_method, dispatch_on, copies, last_copy_by, last_copy_at";

  private final JdbcTemplate jdbc;

  PrintRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Refused: some of the notices were printed in an earlier run (the latest of each, by notice number). */
  static final class AlreadyPrinted extends RuntimeException {
    private final transient Map<String, PrintRun> earlier;

    AlreadyPrinted(Map<String, PrintRun> earlier) {
      super("already printed: " + String.join(", ", earlier.keySet()));
      this.earlier = earlier;
    }

    Map<String, PrintRun> earlier() {
      return earlier;
    }
  }

  /**
   * Refused: another print of the same letters (or the same run) held their rows longer than this
   * database waits for a row lock (H2's lock timeout, 2 s by default; PostgreSQL's {@code lock_timeout}
   * when one is set), or the database chose this one to give way. Nothing was recorded: the person
   * is told someone else is printing them just now and to try again, never an error page.
   */
  static final class BeingPrinted extends RuntimeException {
    BeingPrinted(Throwable cause) {
      super("being printed by someone else just now", cause);
    }
  }

  /** Runs {@code lock}, the statement that takes the rows' locks: {@link BeingPrinted} when the wait gave up. */
  private static <T> T locking(java.util.function.Supplier<T> lock) {
    try {
      return lock.get();
    } catch (org.springframework.dao.DataAccessException e) {
      if (lockWaitGaveUp(e)) {
        throw new BeingPrinted(e);
      }
      throw e;
    }
  }

  /**
   * Whether a statement failed because it waited too long for a row lock or lost a deadlock: H2's lock
   * timeout ({@code HYT00}, error 50200), PostgreSQL's {@code lock_not_available} ({@code 55P03}) and
   * either database's deadlock or serialization victim ({@code 40001}, {@code 40P01}).
   */
  static boolean lockWaitGaveUp(org.springframework.dao.DataAccessException e) {
    if (e instanceof org.springframework.dao.PessimisticLockingFailureException) {
      return true;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql && (sql.getErrorCode() == 50200
          || java.util.Set.of("HYT00", "55P03", "40001", "40P01").contains(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records a print run of {@code notices}, in that order; its id. Unless {@code again}, refused with
   * {@link AlreadyPrinted} when any of them was printed before. The check and the record are one step:
   * the notices' register rows are locked first, so two people printing the same page at once make one
   * run, and the second is told who printed it; one that waits longer than the database waits for a
   * lock is refused with {@link BeingPrinted}, recording nothing.
   */
  @Transactional
  long record(String printedBy, String printedByName, Instant at, String method, LocalDate dispatchOn, List<String> notices,
      boolean again) {
    if (!notices.isEmpty()) {
      // in one order, so two runs over overlapping pages cannot each hold a row the other waits for
      locking(() -> jdbc.queryForList("SELECT notice_number FROM pn_notice WHERE notice_number IN ("
          + String.join(", ", java.util.Collections.nCopies(notices.size(), "?")) + ") ORDER BY notice_number FOR UPDATE",
          String.class, notices.toArray()));
    }
    if (!again) {
      Map<String, PrintRun> earlier = latestOf(notices);
      if (!earlier.isEmpty()) {
        throw new AlreadyPrinted(earlier);
      }
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var ps = connection.prepareStatement(
              "INSERT INTO pn_print_run (printed_by, printed_by_name, printed_at, delivery_method, dispatch_on, copies)"
                  + " VALUES (?, ?, ?, ?, ?, 0)",
              new String[] {"run_id"});
          ps.setString(1, printedBy);
          ps.setString(2, printedByName);
          ps.setTimestamp(3, Timestamp.from(at));
          ps.setString(4, method);
          ps.setObject(5, dispatchOn);
          return ps;
        },
        key);
    long id = key.getKeyAs(Number.class).longValue();
    jdbc.batchUpdate(
        "INSERT INTO pn_print_run_notice (run_id, position, notice_number) VALUES (?, ?, ?)",
        java.util.stream.IntStream.range(0, notices.size())
            .mapToObj(i -> new Object[] {id, i + 1, notices.get(i)})
            .toList());
    return id;
  }

  Optional<PrintRun> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM pn_print_run WHERE run_id = ?", run(), id).stream().findFirst();
  }

  /**
   * Makes one more copy of the run's PDF, by {@code userId} at {@code at}: {@code render} is given which
   * copy it is (1 the print, 2 and after reprints), counted under the row's lock so two at once are two
   * copies. The count and the copy are one step: a copy that fails to render is not counted, so the next
   * real print is not called a reprint. A copy that waits longer than the database waits for the row's
   * lock (another copy of the same run being made) is refused with {@link BeingPrinted}, counting nothing.
   */
  @Transactional
  <T> T copy(long id, String userId, Instant at, java.util.function.IntFunction<T> render) {
    locking(() -> jdbc.update("UPDATE pn_print_run SET copies = copies + 1, last_copy_by = ?, last_copy_at = ? WHERE run_id = ?",
        userId, Timestamp.from(at), id));
    Integer copies = jdbc.queryForObject("SELECT copies FROM pn_print_run WHERE run_id = ?", Integer.class, id);
    return render.apply(copies == null ? 0 : copies);
  }

  /** The latest print run of each of {@code notices} that was printed, by notice number (none when never printed). */
  Map<String, PrintRun> latestOf(Collection<String> notices) {
    Map<String, PrintRun> latest = new HashMap<>();
    if (notices.isEmpty()) {
      return latest;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(notices.size(), "?"));
    Map<Long, PrintRun> runs = new HashMap<>();
    jdbc.query(
        "SELECT n.notice_number, r.run_id, r.printed_by, r.printed_by_name, r.printed_at, r.delivery_method, r.dispatch_on,"
            + " r.copies, r.last_copy_by, r.last_copy_at FROM pn_print_run_notice n JOIN pn_print_run r ON r.run_id = n.run_id"
            + " WHERE n.notice_number IN (" + marks + ") ORDER BY r.run_id",
        rs -> {
          PrintRun run = runs.computeIfAbsent(rs.getLong("run_id"), id -> {
            try {
              return run().mapRow(rs, 0);
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
          latest.put(rs.getString("notice_number"), run);
        },
        notices.toArray());
    return latest;
  }

  private RowMapper<PrintRun> run() {
    return (rs, row) -> {
      Timestamp lastCopyAt = rs.getTimestamp("last_copy_at");
      long id = rs.getLong("run_id");
      return new PrintRun(
          id, rs.getString("printed_by"), rs.getString("printed_by_name"), rs.getTimestamp("printed_at").toInstant(),
          rs.getString("delivery_method"), rs.getObject("dispatch_on", LocalDate.class), rs.getInt("copies"),
          rs.getString("last_copy_by"), lastCopyAt == null ? null : lastCopyAt.toInstant());
    };
  }

  /** The run's notices in the order printed. */
  List<String> notices(long id) {
    return jdbc.queryForList(
        "SELECT notice_number FROM pn_print_run_notice WHERE run_id = ? ORDER BY position", String.class, id);
  }
}
