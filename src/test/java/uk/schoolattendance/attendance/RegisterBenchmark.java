package uk.schoolattendance.attendance;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.schoolattendance.AttendanceApplication;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.process.Upn;

/**
 * The register at a large authority's size on embedded PostgreSQL (docs/benchmarks.md). Not part
 * of the normal build: {@code ./mvnw -Pbenchmark verify -Dit.test=RegisterBenchmark}. Figures go to
 * the console and to target/register-benchmark-results.md.
 *
 * <ol>
 *   <li>A year of {@value #YEAR_PUPILS} pupils (380 sessions each) imported, as a ratio to
 *       PostgreSQL's own {@code COPY} of the same rows into a bare table, measured side by side;
 *       the import's heap (old generation after each collection) sampled as the file is read.
 *   <li>A 200,000-pupil authority: a year of marks written with {@code generate_series} (not
 *       through the API), one first identification, then a day's feed (400,000 marks) imported,
 *       figures recomputed and identification done.
 *   <li>One pupil's figures with all of that stored.
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisterBenchmark {

  static final int YEAR_PUPILS = Integer.getInteger("benchmark.yearPupils", 20_000);
  static final int LA_PUPILS = Integer.getInteger("benchmark.laPupils", 200_000);
  static final int SCHOOL_SIZE = 1_000;
  static final int SCHOOLS = LA_PUPILS / SCHOOL_SIZE;
  static final int FIRST_URN = 110_001;
  static final long FIRST_UPN = 600_000_000_000L;
  static final int DAYS = 190;
  static final List<String> REPORT = new ArrayList<>();

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext app;
  static JdbcTemplate jdbc;
  static Path work;

  @BeforeAll
  static void start() throws IOException {
    work = Files.createTempDirectory("register-benchmark");
    postgres = EmbeddedPostgres.builder()
        .setServerConfig("shared_buffers", "512MB")
        .setServerConfig("max_wal_size", "8GB")
        .setServerConfig("work_mem", "64MB")
        .setServerConfig("maintenance_work_mem", "512MB")
        .start();
    List<String> args = new ArrayList<>(List.of(
        "--ATTENDANCE_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--ATTENDANCE_DB_USER=postgres",
        "--ATTENDANCE_DB_PASSWORD=postgres",
        "--camunda.bpm.process-engine-name=registerBenchmark",
        "--PORT=0",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--logging.level.uk.schoolattendance.attendance=INFO"));
    List<String> urns = new ArrayList<>(List.of("100001", "100002"));
    for (int s = 0; s < SCHOOLS; s++) {
      urns.add(String.valueOf(FIRST_URN + s));
    }
    for (int i = 0; i < urns.size(); i++) {
      args.add("--attendance.schools[" + i + "].urn=" + urns.get(i));
      args.add("--attendance.schools[" + i + "].name=School " + urns.get(i));
      args.add("--attendance.schools[" + i + "].serviceLevel=" + (i % 3 == 0 ? "traded" : "universal"));
      args.add("--attendance.schools[" + i + "].namedOfficer=officer");
    }
    app = new SpringApplicationBuilder(AttendanceApplication.class)
        .profiles("demo", "test", "postgres")
        .run(args.toArray(String[]::new));
    jdbc = app.getBean(JdbcTemplate.class);
    report("Machine: %d cores, %s, Java %s, max heap %d MB; PostgreSQL %s (embedded, shared_buffers 512MB)",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), jdbc.queryForObject("SHOW server_version", String.class));
    report("Load average at start: %s", loadAverage());
  }

  @AfterAll
  static void stop() throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "register-benchmark-results.md"), REPORT);
    if (app != null) {
      app.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    try (var files = Files.walk(work)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    TestClock.reset();
  }

  // ------------------------------------------------------------------ 1. a year of 20,000 pupils

  @Test
  @Order(1)
  void aYearOfTwentyThousandPupilsAgainstCopyIntoABareTable() throws Exception {
    List<LocalDate> days = schoolDays(LocalDate.of(2025, 9, 1), DAYS);
    Path csv = work.resolve("year.csv");
    Path copy = work.resolve("year.copy");
    long rows = writeYear(days, csv, copy);
    report("Year file: %,d marks, %,d MB of CSV", rows, Files.size(csv) / (1024 * 1024));
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDate.of(2026, 11, 25).atStartOfDay(RegisterApi.LONDON).toInstant()));

    double floor1 = copyIntoBareTable(copy);
    HeapSampler heap = new HeapSampler();
    long start = System.nanoTime();
    int importId;
    try (InputStream in = Files.newInputStream(csv)) {
      importId = app.getBean(MarkImporter.class).importFile(MarkImporter.Format.CSV, in, Files.size(csv),
          "benchmark", urn -> true, LocalDate.of(2026, 11, 25));
    } finally {
      heap.stop();
    }
    double imported = (System.nanoTime() - start) / 1e9;
    double floor2 = copyIntoBareTable(copy);
    Integer accepted = jdbc.queryForObject("SELECT rows_accepted FROM att_import WHERE import_id = ?", Integer.class, importId);
    double floor = (floor1 + floor2) / 2;
    report("COPY of the same rows into a bare table (no index): %.1f s and %.1f s", floor1, floor2);
    double indexed1 = copyIntoBareTable(copy, true);
    report("Import of the year (the CSV read and every row checked, pupils and enrolments created, marks"
        + " copied into the register with its keys, year totals): %.1f s, %,d marks accepted, %,.0f marks/s",
        imported, accepted, accepted / imported);
    report("COPY of the same rows into a table with the register's primary key (the natural key): %.1f s", indexed1);
    report("**Ratio import / COPY into a bare table: %.2f** (goal <= 3); import / COPY with the primary key: %.2f",
        imported / floor, imported / indexed1);
    report("Import heap after collections, by share of the run: %s", heap.profile());
    report("Load average after the year: %s", loadAverage());
  }

  // ------------------------------------------------------------------ 2. a 200,000-pupil authority

  @Test
  @Order(2)
  void aDaysFeedOfAWholeAuthorityIsImportedAndIdentifiedWithinAMinute() throws Exception {
    List<LocalDate> days = schoolDays(LocalDate.of(2026, 9, 1), DAYS);
    LocalDate feedDay = days.get(DAYS - 1);
    long start = System.nanoTime();
    seedAuthority(days.subList(0, DAYS - 1));
    report("Seeded %,d pupils at %d schools and %,d marks for %d school days of 2026-27 with generate_series: %.0f s",
        LA_PUPILS, SCHOOLS, jdbc.queryForObject("SELECT COUNT(*) FROM att_mark", Long.class), DAYS - 1,
        (System.nanoTime() - start) / 1e9);
    report("Table sizes: att_mark %s, its primary key %s",
        jdbc.queryForObject("SELECT pg_size_pretty(pg_table_size('att_mark'))", String.class),
        jdbc.queryForObject("SELECT pg_size_pretty(pg_relation_size('att_mark_pk'))", String.class));

    ClockUtil.setCurrentTime(java.util.Date.from(feedDay.atTime(18, 0).atZone(RegisterApi.LONDON).toInstant()));
    Identification identification = app.getBean(Identification.class);
    int seedImport = jdbc.queryForObject("SELECT MAX(import_id) FROM att_import", Integer.class);
    start = System.nanoTime();
    Identification.Outcome first = inTransaction(() -> identification.run(seedImport, feedDay));
    report("First identification of the whole authority (every pupil's figures from %,d marks): %.1f s, %s",
        jdbc.queryForObject("SELECT COUNT(*) FROM att_mark", Long.class), (System.nanoTime() - start) / 1e9, first);

    Path feed = work.resolve("feed.csv");
    try (BufferedWriter out = Files.newBufferedWriter(feed)) {
      out.write("upn,urn,date,session,code\n");
      Random random = new Random(7);
      for (int p = 1; p <= LA_PUPILS; p++) {
        String upn = Upn.of(FIRST_UPN + p);
        String urn = String.valueOf(FIRST_URN + (p - 1) / SCHOOL_SIZE);
        String[] codes = codes(random);
        out.write(upn + "," + urn + "," + feedDay + ",AM," + codes[0] + "\n");
        out.write(upn + "," + urn + "," + feedDay + ",PM," + codes[1] + "\n");
      }
    }
    HeapSampler heap = new HeapSampler();
    start = System.nanoTime();
    int feedImport;
    try (InputStream in = Files.newInputStream(feed)) {
      feedImport = app.getBean(MarkImporter.class).importFile(MarkImporter.Format.CSV, in, Files.size(feed),
          "benchmark", urn -> true, feedDay);
    } finally {
      heap.stop();
    }
    double imported = (System.nanoTime() - start) / 1e9;
    long identifyStart = System.nanoTime();
    Identification.Outcome daily = inTransaction(() -> identification.run(feedImport, feedDay));
    double identified = (System.nanoTime() - identifyStart) / 1e9;
    report("Day's feed (%,d marks): import %.1f s, figures and identification %.1f s, **total %.1f s** (goal <= 60 s); %s",
        2L * LA_PUPILS, imported, identified, imported + identified, daily);
    report("Feed import heap after collections: %s", heap.profile());
    jdbc.execute("INSERT INTO att_import_pupil (import_id, pupil_id) SELECT " + feedImport + ", pupil_id FROM att_pupil");
    FiguresQuery.Pupils pupils = FiguresQuery.Pupils.ofImport(feedImport);
    String plan = String.join("\n", jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + app.getBean(FiguresQuery.class)
        .thresholdSql(pupils), String.class, app.getBean(FiguresQuery.class).thresholdParameters(pupils, feedDay,
            feedDay, app.getBean(AttendanceRegister.class).lookback(feedDay)).toArray()));
    Files.writeString(Path.of("target", "register-benchmark-threshold-plan.txt"), plan);
    jdbc.update("DELETE FROM att_import_pupil WHERE import_id = ?", feedImport);
    report("Load average after the feed: %s", loadAverage());
  }

  // ------------------------------------------------------------------ 3. one pupil's figures

  @Test
  @Order(3)
  void onePupilsFiguresWithSeventySixMillionMarksStored() {
    AttendanceRegister register = app.getBean(AttendanceRegister.class);
    long marks = jdbc.queryForObject("SELECT COUNT(*) FROM att_mark", Long.class);
    LocalDate asOf = schoolDays(LocalDate.of(2026, 9, 1), DAYS).get(DAYS - 1);
    Random random = new Random(11);
    for (int i = 0; i < 200; i++) {
      register.figures(Upn.of(FIRST_UPN + 1 + random.nextInt(LA_PUPILS)), asOf);
    }
    double[] millis = new double[500];
    for (int i = 0; i < millis.length; i++) {
      String upn = Upn.of(FIRST_UPN + 1 + random.nextInt(LA_PUPILS));
      long start = System.nanoTime();
      register.figures(upn, asOf).orElseThrow();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    report("One pupil's figures (%,d marks stored, 500 random pupils after 200 warm-up): median %.2f ms,"
        + " p95 %.2f ms, max %.2f ms (goal <= 10 ms)", marks, millis[250], millis[475], millis[499]);
  }

  // ------------------------------------------------------------------ data

  /** The first {@code count} school days of the LA's calendar from {@code from}. */
  static List<LocalDate> schoolDays(LocalDate from, int count) {
    SchoolDays days = app.getBean(RegisterCalendars.class).of(FIRST_URN);
    List<LocalDate> result = new ArrayList<>();
    for (LocalDate day = from; result.size() < count; day = day.plusDays(1)) {
      if (days.isSchoolDay(day)) {
        result.add(day);
      }
    }
    return result;
  }

  /** The year as a CSV file and, for the baseline, as COPY's text format with the same rows. */
  static long writeYear(List<LocalDate> days, Path csv, Path copy) throws IOException {
    long rows = 0;
    Random random = new Random(2025);
    try (BufferedWriter out = Files.newBufferedWriter(csv); BufferedWriter bare = Files.newBufferedWriter(copy)) {
      out.write("upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup\n");
      for (int p = 1; p <= YEAR_PUPILS; p++) {
        String upn = Upn.of(FIRST_UPN + p);
        int urn = FIRST_URN + (p - 1) / SCHOOL_SIZE;
        boolean first = true;
        for (LocalDate day : days) {
          String[] codes = codes(random);
          for (int s = 0; s < 2; s++) {
            out.write(upn + "," + urn + "," + day + "," + (s == 0 ? "AM" : "PM") + "," + codes[s]);
            if (first) {
              out.write(",Sam," + CsvFile.surname(upn) + ",2015-05-01,6");
              first = false;
            }
            out.write('\n');
            bare.write(p + "\t" + day + "\t" + s + "\t" + urn + "\tP\t" + codes[s].replace("\\", "\\\\") + "\t\\N\n");
            rows++;
          }
        }
      }
    }
    return rows;
  }

  /** A day's two codes: mostly present, some illness, appointments, unauthorised and late. */
  static String[] codes(Random random) {
    int roll = random.nextInt(1000);
    if (roll < 900) {
      return new String[] {"/", "\\"};
    }
    if (roll < 950) {
      return new String[] {"I", "I"};
    }
    if (roll < 970) {
      return new String[] {"M", "\\"};
    }
    if (roll < 990) {
      return new String[] {"N", "N"};
    }
    return new String[] {"L", "\\"};
  }

  /** PostgreSQL's own floor: COPY of the same rows into a table with no index; seconds. */
  static double copyIntoBareTable(Path copy) throws Exception {
    return copyIntoBareTable(copy, false);
  }

  static double copyIntoBareTable(Path copy, boolean primaryKey) throws Exception {
    jdbc.execute("DROP TABLE IF EXISTS bench_bare_mark");
    jdbc.execute("CREATE TABLE bench_bare_mark (pupil_id INTEGER, mark_date DATE, session_no SMALLINT, school_urn INTEGER,"
        + " category CHAR(1), code VARCHAR(2), source_code VARCHAR(8)"
        + (primaryKey ? ", PRIMARY KEY (pupil_id, mark_date, session_no, school_urn))" : ")"));
    long start = System.nanoTime();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Reader in = Files.newBufferedReader(copy)) {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_bare_mark FROM STDIN", in);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    jdbc.execute("DROP TABLE bench_bare_mark");
    return seconds;
  }

  /** 200 schools of 1,000 pupils, their enrolments and the year's marks so far, written by SQL. */
  static void seedAuthority(List<LocalDate> days) throws Exception {
    int seed = jdbc.queryForObject(
        "INSERT INTO att_import (file_format, submitted_by, submitted_at, state, bytes_read, rows_read, rows_accepted,"
            + " rows_unchanged, rows_rejected, updated_at) VALUES ('csv', 'benchmark-seed', now(), 'completed', 0, 0, 0, 0, 0, now())"
            + " RETURNING import_id", Integer.class);
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO att_pupil (upn, forename, surname, date_of_birth, year_group, school_urn, updated_at)"
              + " VALUES (?, 'Sam', ?, DATE '2015-05-01', '6', ?, now()) ON CONFLICT (upn) DO NOTHING")) {
        for (int p = 1; p <= LA_PUPILS; p++) {
          insert.setString(1, Upn.of(FIRST_UPN + p));
          insert.setString(2, CsvFile.surname(Upn.of(FIRST_UPN + p)));
          insert.setInt(3, FIRST_URN + (p - 1) / SCHOOL_SIZE);
          insert.addBatch();
          if (p % 10_000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      c.commit();
    }
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      rows.add(new Object[] {i, Date.valueOf(days.get(i))});
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      c.setAutoCommit(false);
      c.createStatement().execute("CREATE TABLE bench_days_all (n INTEGER, d DATE)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_days_all VALUES (?, ?)")) {
        for (Object[] row : rows) {
          ps.setInt(1, (Integer) row[0]);
          ps.setDate(2, (Date) row[1]);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
      // A bulk load as a DBA would do it: the marks without their indexes, in one statement, then
      // the primary key and the partial index built once. Codes by a hash of pupil, day and
      // session: about 90 % present, 5 % illness, 2 % N, 1 % O, 2 % late.
      var sql = c.createStatement();
      sql.execute("ALTER TABLE att_mark DROP CONSTRAINT att_mark_pk");
      sql.execute("DROP INDEX IF EXISTS att_mark_unauthorised_ix");
      c.commit();
      sql.execute(
          "INSERT INTO att_mark (pupil_id, mark_date, session_no, school_urn, import_id, category, code)"
              + " SELECT p.pupil_id, d.d, s.s, p.school_urn, " + seed + ","
              + " CASE WHEN h < 900 THEN 'P' WHEN h < 950 THEN 'A' WHEN h < 980 THEN 'U' ELSE 'P' END,"
              + " CASE WHEN h < 900 THEN (CASE WHEN s.s = 0 THEN '/' ELSE '\\' END) WHEN h < 950 THEN 'I'"
              + " WHEN h < 970 THEN 'N' WHEN h < 980 THEN 'O' ELSE 'L' END"
              + " FROM att_pupil p CROSS JOIN bench_days_all d CROSS JOIN (VALUES (0), (1)) s(s)"
              + " CROSS JOIN LATERAL (SELECT abs(hashint8(p.pupil_id * 1000003::bigint + d.n * 7 + s.s)) % 1000 AS h) x"
              + " WHERE p.upn LIKE '_6%'");
      c.commit();
      sql.execute("ALTER TABLE att_mark ADD CONSTRAINT att_mark_pk PRIMARY KEY (pupil_id, mark_date, session_no, school_urn)");
      sql.execute("CREATE INDEX att_mark_unauthorised_ix ON att_mark (pupil_id, mark_date) WHERE category = 'U'");
      sql.execute(
          "INSERT INTO att_pupil_year (pupil_id, academic_year, possible_sessions, present_sessions, authorised_absence,"
              + " unauthorised_absence)"
              + " SELECT pupil_id, 2026, COUNT(*) FILTER (WHERE category <> 'X'), COUNT(*) FILTER (WHERE category = 'P'),"
              + " COUNT(*) FILTER (WHERE category = 'A'), COUNT(*) FILTER (WHERE category = 'U')"
              + " FROM att_mark WHERE import_id = " + seed + " GROUP BY pupil_id");
      c.commit();
      c.createStatement().execute(
          "INSERT INTO att_enrolment (pupil_id, school_urn, registration, from_date)"
              + " SELECT pupil_id, school_urn, 'main', DATE '" + days.get(0) + "'"
              + " FROM att_pupil WHERE upn LIKE '_6%' ON CONFLICT (pupil_id, school_urn) DO NOTHING");
      c.createStatement().execute(
          "INSERT INTO att_import_pupil (import_id, pupil_id) SELECT " + seed + ", pupil_id FROM att_pupil WHERE upn LIKE '_6%'");
      c.createStatement().execute("DROP TABLE bench_days_all");
      c.commit();
    }
    // what autovacuum does to a table that only grows (PostgreSQL 13+: inserts trigger it): the
    // visibility map lets the figures read the unauthorised marks from the index alone
    jdbc.execute("VACUUM ANALYZE att_mark");
    jdbc.execute("ANALYZE");
  }

  static <T> T inTransaction(java.util.function.Supplier<T> work) {
    return new org.springframework.transaction.support.TransactionTemplate(
        app.getBean(org.springframework.transaction.PlatformTransactionManager.class)).execute(status -> work.get());
  }

  static String loadAverage() {
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  static void report(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    REPORT.add("- " + line);
    System.out.println(line);
  }

  /**
   * The heap in use after each garbage collection while an import runs (from the collector's own
   * notifications): what the import keeps alive, not the garbage it makes between collections.
   */
  static final class HeapSampler {
    final List<long[]> samples = new ArrayList<>();
    final long started = System.nanoTime();
    final List<javax.management.NotificationEmitter> emitters = new ArrayList<>();
    final javax.management.NotificationListener listener = (notification, handback) -> {
      if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        return;
      }
      var info = com.sun.management.GarbageCollectionNotificationInfo.from(
          (javax.management.openmbean.CompositeData) notification.getUserData());
      long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
          .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
      synchronized (samples) {
        samples.add(new long[] {System.nanoTime() - started, used});
      }
    };

    HeapSampler() {
      System.gc();
      for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof javax.management.NotificationEmitter emitter) {
          emitter.addNotificationListener(listener, null, null);
          emitters.add(emitter);
        }
      }
    }

    void stop() {
      for (var emitter : emitters) {
        try {
          emitter.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException ignored) {
          // already removed
        }
      }
    }

    /** Heap after collection at 10 %, 25 %, 50 %, 75 % and 100 % of the run's collections, in MB. */
    String profile() {
      synchronized (samples) {
        if (samples.isEmpty()) {
          return "no collection during the run";
        }
        StringBuilder out = new StringBuilder();
        for (double share : new double[] {0.1, 0.25, 0.5, 0.75, 1.0}) {
          long[] sample = samples.get(Math.min(samples.size() - 1, (int) (share * (samples.size() - 1))));
          out.append(String.format(Locale.ROOT, "%d %%: %d MB; ", (int) (share * 100), sample[1] / (1024 * 1024)));
        }
        long max = samples.stream().mapToLong(x -> x[1]).max().orElse(0);
        return out.append(String.format(Locale.ROOT, "max %d MB over %d collections", max / (1024 * 1024), samples.size()))
            .toString();
      }
    }
  }
}
