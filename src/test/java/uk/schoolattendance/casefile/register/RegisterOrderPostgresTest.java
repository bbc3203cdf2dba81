package uk.schoolattendance.casefile.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.notices.BulkNotices;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeRegister;
import uk.schoolattendance.notices.RegisterQuery;

/**
 * The register page's SQL on a real PostgreSQL, as the H2 tests run it (RegisterPageTest): the
 * sort order (soonest deadline first, nothing due last, ties newest then by number), paging, the
 * filters, the print queue's letters and held-back notices, and the CSV stream, which PostgreSQL
 * reads with a cursor in fetches of 500 rows, so a register of thousands spans many fetches.
 */
class RegisterOrderPostgresTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

  static EmbeddedPostgres postgres;
  static JdbcTemplate jdbc;
  static PenaltyNoticeRegister register;
  static TransactionTemplate transaction;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    uk.schoolattendance.PostgresSchema.migrate(postgres.getPostgresDatabase());
    // the engine's task table, which the register reads for a prepared notice's "post by" day
    jdbc.execute("CREATE TABLE ACT_RU_TASK (ID_ VARCHAR(64), PROC_INST_ID_ VARCHAR(64), TASK_DEF_KEY_ VARCHAR(255),"
        + " DUE_DATE_ TIMESTAMP)");
    register = new PenaltyNoticeRegister(jdbc, new uk.schoolattendance.persons.Persons(jdbc),
        new uk.schoolattendance.schools.CalendarProperties(null, null, null, null));
    // as the application's transactional proxy runs eachByDeadline: read-only, so the driver uses a cursor
    transaction = new TransactionTemplate(new DataSourceTransactionManager(postgres.getPostgresDatabase()));
    transaction.setReadOnly(true);
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  private static List<String> numbers(List<PenaltyNoticeEntry> notices) {
    return notices.stream().map(PenaltyNoticeEntry::noticeNumber).toList();
  }

  @Test
  void thousandsOfNoticesArePagedAndStreamedInTheRegistersOrder() throws IOException {
    BulkNotices bulk = BulkNotices.make(jdbc, "AC-PG-2345", 1991, 2345, TODAY);
    try {
      assertThat(register.count(RegisterQuery.ofPage(null, "AC-PG-2345", 0, 1))).isEqualTo(2345);
      List<String> paged = new ArrayList<>();
      for (int page = 0; page < 24; page++) {
        List<PenaltyNoticeEntry> shown = register.byDeadline(RegisterQuery.ofPage(null, "AC-PG-2345", page, 100), TODAY);
        assertThat(shown).hasSize(page < 23 ? 100 : 45);
        paged.addAll(numbers(shown));
      }
      assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(bulk.inRegisterOrder(null));
      for (String state : List.of("issued", "unpaid", "paid", "withdrawn")) {
        assertThat(register.count(RegisterQuery.ofPage(state, "AC-PG-2345", 0, 1))).as(state).isEqualTo(bulk.count(state));
        assertThat(numbers(register.byDeadline(RegisterQuery.ofPage(state, "AC-PG-2345", 1, 100), TODAY))).as(state)
            .containsExactlyElementsOf(bulk.inRegisterOrder(state).subList(100, 200));
      }
      // the search box takes a case reference typed in small letters too
      assertThat(register.count(RegisterQuery.ofPage(null, "ac-pg-2345", 0, 1))).isEqualTo(2345);

      // the CSV: every notice, in the same order, through many fetches of the cursor
      StringWriter out = new StringWriter();
      transaction.executeWithoutResult(status -> {
        try {
          new NoticeCsv().write(out, each -> register.eachByDeadlineWithRefunds(
              RegisterQuery.ofPage(null, "AC-PG-2345", 0, Integer.MAX_VALUE), TODAY,
              (notice, refund) -> each.accept(new NoticeCsv.Line(notice, refund))));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      String[] csv = out.toString().split("\r\n");
      assertThat(csv[0]).startsWith("noticeNumber,status,");
      assertThat(Arrays.stream(csv).skip(1).map(line -> line.substring(0, line.indexOf(','))).toList())
          .containsExactlyElementsOf(bulk.inRegisterOrder(null));
    } finally {
      bulk.delete();
    }
  }

  @Test
  void thePrintQueuePagesItsLettersByTheirPostByDayAndListsThoseBeyondTheLimitApart() {
    BulkNotices bulk = BulkNotices.prepared(jdbc, "AC-PG-QUEUE", 1992, 1234, TODAY, 300);
    try {
      // three of them in a process, with a "post by" day: they come first, soonest first
      String[] due = {"PN-1992-000007", "PN-1992-000005", "PN-1992-000006"};
      for (int i = 0; i < due.length; i++) {
        jdbc.update("UPDATE pn_notice SET process_instance_id = ? WHERE notice_number = ?", "pi-" + due[i], due[i]);
        jdbc.update("INSERT INTO ACT_RU_TASK (ID_, PROC_INST_ID_, TASK_DEF_KEY_, DUE_DATE_) VALUES (?, ?, ?, ?)", "task-" + i,
            "pi-" + due[i], PenaltyNotice.DISPATCH_PENALTY_NOTICE.id(), Timestamp.valueOf(TODAY.plusDays(3 + i).atTime(17, 0)));
      }
      List<String> letters = new ArrayList<>();
      for (int page = 0; page < 13; page++) {
        letters.addAll(numbers(register.byDeadline(RegisterQuery.ofPrintQueue(false, 2, page, 100), TODAY)));
      }
      List<String> expected = new ArrayList<>(List.of(due));
      bulk.inRegisterOrder("prepared").stream().filter(number -> !List.of(due).contains(number)).forEach(expected::add);
      assertThat(letters).hasSize(1230).containsExactlyElementsOf(expected);
      assertThat(register.count(RegisterQuery.ofPrintQueue(false, 2, 0, 1))).isEqualTo(1230);
      assertThat(numbers(register.byDeadline(RegisterQuery.ofPrintQueue(true, 2, 0, Integer.MAX_VALUE), TODAY)))
          .containsExactlyElementsOf(bulk.inRegisterOrder("beyond-limit"))
          .containsExactly("PN-1992-001200", "PN-1992-000900", "PN-1992-000600", "PN-1992-000300");
    } finally {
      jdbc.update("DELETE FROM ACT_RU_TASK");
      bulk.delete();
    }
  }
}
