package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.schoolattendance.AttendanceApplication;
import uk.schoolattendance.JavaMigrations;
import uk.schoolattendance.casefile.index.CaseIndex;
import uk.schoolattendance.persons.AddressWords;

/**
 * Find a pupil by a parent's postcode or address at a council's size on embedded PostgreSQL
 * (docs/benchmarks.md, "Find a pupil by a parent's address"). Not part of the normal build:
 * {@code ./mvnw -Pbenchmark verify -Dit.test=AddressSearchBenchmark -Dbenchmark.persons=100000}.
 *
 * <p>The data: {@code persons} parents written with SQL as a database from before V500 holds them
 * (no postcode, no address words), each the parent of one case in the search table, about 23 to a
 * postcode and 667 to a house number, on 320 streets of 5 towns. Then Flyway's V501 (the product's
 * own class) fills them, timed, and the search's one query ({@link CaseIndex#byParentAddress}) is
 * timed for a postcode and for an address's words.
 */
class AddressSearchBenchmark {

  static final int PERSONS = Integer.getInteger("benchmark.persons", 100_000);
  static final int RUNS = Integer.getInteger("benchmark.addressRuns", 300);
  static final List<String> REPORT = new ArrayList<>();

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext app;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "256MB").start();
    app = new SpringApplicationBuilder(AttendanceApplication.class)
        .profiles("demo", "test", "postgres")
        .run("--ATTENDANCE_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"), "--ATTENDANCE_DB_USER=postgres",
            "--ATTENDANCE_DB_PASSWORD=postgres", "--camunda.bpm.process-engine-name=addressSearchBenchmark", "--PORT=0",
            "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    jdbc = app.getBean(JdbcTemplate.class);
    report("Machine: %d cores, Java %s; PostgreSQL %s (embedded); load average at start %.2f",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        jdbc.queryForObject("SHOW server_version", String.class),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  @AfterAll
  static void stop() throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "address-search-benchmark-results.md"), REPORT);
    if (app != null) {
      app.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aParentsPostcodeOrAddressAmongACouncilsPersons() throws Exception {
    long start = System.nanoTime();
    String streets = "ARRAY['Marine','Church','Station','Victoria','Park','London','Queens','Kings','Mill','School',"
        + "'Chapel','Manor','Grange','North','South','West','East','Albert','York','Hall','Bridge','Green','Windsor',"
        + "'Highfield','Springfield','Orchard','Meadow','Alexandra','Kent','Essex','Cliff','Pier','Harbour','Belle',"
        + "'Elm','Oak','Ash','Beech','Cedar','Willow']";
    String kinds = "ARRAY['Road','Street','Avenue','Parade','Lane','Close','Drive','Way']";
    String towns = "ARRAY['Southend-on-Sea','Leigh-on-Sea','Westcliff-on-Sea','Shoeburyness','Rochford']";
    jdbc.update("INSERT INTO person (person_id, name, address, match_key, created_at)"
        + " SELECT 'P-9' || lpad(g::text, 6, '0'), 'Bench Parent ' || g,"
        + " (1 + g % 150) || ' ' || (" + streets + ")[1 + g % 40] || ' ' || (" + kinds + ")[1 + (g / 40) % 8] || ', '"
        + " || (" + towns + ")[1 + (g / 320) % 5] || ' SS' || (1 + g % 17) || ' ' || ((g / 17) % 10)"
        + " || chr(65 + (g / 170) % 26) || 'B',"
        + " 'bench parent ' || g || '|' || g || '|', now() FROM generate_series(1, ?) g", PERSONS);
    jdbc.update("INSERT INTO cf_case (process_instance_id, case_reference, pupil_name, pupil_name_key, school_urn,"
        + " level_no, opened_at, updated_at) SELECT 'bench-' || g, 'AC-2026-' || lpad((500000 + g)::text, 6, '0'),"
        + " 'Bench Pupil ' || g, 'bench pupil ' || g, '100001', 1, now(), now() FROM generate_series(1, ?) g", PERSONS);
    jdbc.update("INSERT INTO cf_case_parent (process_instance_id, parent_id, parent_name, family_key)"
        + " SELECT 'bench-' || g, 'P-9' || lpad(g::text, 6, '0'), 'Bench Parent ' || g, 'P-9' || lpad(g::text, 6, '0')"
        + " FROM generate_series(1, ?) g", PERSONS);
    // as before V500: no postcode, no address words (the demo's cases' are filled again too)
    jdbc.update("UPDATE person SET postcode = NULL");
    jdbc.update("DELETE FROM cf_case_word WHERE source = ?", CaseIndex.ADDRESS_WORDS);
    report("%,d persons, each a parent of one case, written with SQL: %.1f s", PERSONS, seconds(start));

    start = System.nanoTime();
    JavaMigration v501 = app.getBeansOfType(JavaMigration.class).values().stream()
        .filter(migration -> "501".equals(migration.getVersion().getVersion())).findFirst().orElseThrow();
    try (Connection connection = app.getBean(DataSource.class).getConnection()) {
      connection.setAutoCommit(false);
      JavaMigrations.migrate(v501, connection);
      connection.commit();
    }
    report("Flyway V501 (postcodes and address words of every person): %.1f s; person rows with a postcode %,d,"
            + " address words %,d", seconds(start),
        jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE postcode IS NOT NULL", Integer.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM cf_case_word WHERE source = 'a'", Integer.class));
    // V575's fill of the outward codes, as the upgrade runs it after V501
    jdbc.update("UPDATE person SET postcode_outward = SUBSTRING(postcode, 1, LENGTH(postcode) - 3) WHERE postcode IS NOT NULL");
    jdbc.execute("VACUUM ANALYZE");

    CaseIndex index = app.getBean(CaseIndex.class);
    Random random = new Random(16);
    time("a postcode (\"SS4 2CB\", any spacing)", () -> {
      int g = 1 + random.nextInt(PERSONS);
      String typed = "ss" + (1 + g % 17) + " " + ((g / 17) % 10) + (char) ('a' + (g / 170) % 26) + "b";
      return index.byParentAddress(AddressWords.wholePostcode(typed), List.of(), 200);
    });
    time("an outward code alone (\"SS4\")", () -> index.byParentOutwardCode("SS" + (1 + random.nextInt(17)), 200));
    time("a house number and street (\"1 Marine Parade\")", () -> {
      int g = 1 + random.nextInt(PERSONS);
      String address = jdbc.queryForObject("SELECT address FROM person WHERE person_id = ?", String.class,
          "P-9" + String.format("%06d", g));
      String street = address.substring(0, address.indexOf(','));
      return index.byParentAddress(null, List.copyOf(AddressWords.words(street)), 200);
    });
    time("a house number, street and postcode", () -> {
      int g = 1 + random.nextInt(PERSONS);
      String address = jdbc.queryForObject("SELECT address FROM person WHERE person_id = ?", String.class,
          "P-9" + String.format("%06d", g));
      String street = address.substring(0, address.indexOf(','));
      return index.byParentAddress(AddressWords.postcode(address), List.copyOf(AddressWords.words(street)), 200);
    });
    report("Plan of a postcode search: %s", String.join(" / ", jdbc.queryForList(
        "EXPLAIN SELECT p.process_instance_id FROM person s JOIN cf_case_parent p ON p.parent_id = s.person_id"
            + " WHERE s.postcode = 'SS42CB'", String.class)).replaceAll("\\s+", " "));
  }

  /** Times the search {@link #RUNS} times (the first 20 warm up and are not counted). */
  private static void time(String what, Supplier<List<String>> search) {
    for (int i = 0; i < 20; i++) {
      search.get();
    }
    long[] millis = new long[RUNS];
    long found = 0;
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      found += search.get().size();
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(millis);
    report("%s: %d runs, p50 %d ms, p95 %d ms, max %d ms; %.1f cases found on average", what, RUNS,
        millis[RUNS / 2], millis[(int) (RUNS * 0.95)], millis[RUNS - 1], (double) found / RUNS);
    assertThat(found).isPositive();
  }

  static void report(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    REPORT.add(line);
    System.out.println(line);
  }

  static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
