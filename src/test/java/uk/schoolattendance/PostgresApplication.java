package uk.schoolattendance;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * The README's application with the {@code postgres} profile on a real PostgreSQL (embedded, started
 * by the build), demo data and test settings, on a free port: what the PostgreSQL tests run against.
 * Each gets its own engine name: closing it must not unregister the engine "default" of the cached
 * Spring test contexts that share the JVM.
 */
public final class PostgresApplication implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final ConfigurableApplicationContext context;

  private PostgresApplication(EmbeddedPostgres postgres, ConfigurableApplicationContext context) {
    this.postgres = postgres;
    this.context = context;
  }

  /** Starts PostgreSQL and the application on it; {@code properties} add to or override the test settings. */
  public static PostgresApplication start(String engineName, String... properties) throws IOException {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    List<String> all = new ArrayList<>(List.of(
        "ATTENDANCE_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
        "ATTENDANCE_DB_USER=postgres",
        "ATTENDANCE_DB_PASSWORD=postgres",
        "camunda.bpm.process-engine-name=" + engineName,
        "server.port=0",
        // application.yaml says server.port: ${PORT:8080}, which outranks the line above
        "PORT=0"));
    all.addAll(List.of(properties));
    try {
      ConfigurableApplicationContext context = new SpringApplicationBuilder(AttendanceApplication.class)
          .profiles("demo", "test", "postgres")
          .properties(all.toArray(String[]::new))
          .run();
      return new PostgresApplication(postgres, context);
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  public EmbeddedPostgres postgres() {
    return postgres;
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  /** A client of the application's web server. */
  public RestClient rest() {
    return RestClient.create("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
