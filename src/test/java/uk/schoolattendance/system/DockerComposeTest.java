package uk.schoolattendance.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests run, so docker-compose.yml is kept correct by reading
 * it: it parses, it has the cluster topology, the application's environment provides every
 * variable the postgres profile reads, and the nodes run in England's zone from the first
 * start (the database keeps that zone for good: engine/ServerZone).
 */
class DockerComposeTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws IOException {
    try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
      return new Yaml().load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws IOException {
    Map<String, Object> services = (Map<String, Object>) compose().get("services");
    assertThat(services).containsKey(name);
    return (Map<String, Object>) services.get(name);
  }

  @Test
  void namesPostgres16TheApplicationAndTheProxy() throws IOException {
    assertThat(service("postgres").get("image")).isEqualTo("postgres:16");
    assertThat(service("app")).containsKey("build");
    assertThat(service("proxy").get("ports").toString()).contains("8080:80");
  }

  @Test
  @SuppressWarnings("unchecked")
  void runsTwoApplicationReplicasOnOneDatabase() throws IOException {
    Map<String, Object> app = service("app");
    Map<String, Object> deploy = (Map<String, Object>) app.get("deploy");
    assertThat(deploy.get("replicas")).isEqualTo(2);
    Map<String, Object> env = (Map<String, Object>) app.get("environment");
    assertThat(env.get("ATTENDANCE_DB_URL").toString()).startsWith("jdbc:postgresql://postgres:5432/");
    assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
  }

  @Test
  void everyServiceHasAHealthCheck() throws IOException {
    for (String name : Set.of("postgres", "app", "proxy")) {
      assertThat(service(name)).as(name).containsKey("healthcheck");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void applicationEnvironmentMatchesThePostgresProfile() throws IOException {
    Set<String> required = new TreeSet<>();
    Matcher placeholder = Pattern.compile("\\$\\{([A-Z_]+)[}:]").matcher("");
    for (String file : new String[] {"application-postgres.yaml", "application.yaml"}) {
      String text = Files.readString(Path.of("src/main/resources", file));
      placeholder.reset(text);
      while (placeholder.find()) {
        String name = placeholder.group(1);
        // Variables with a default in application.yaml are optional.
        if (!text.contains("${" + name + ":")) {
          required.add(name);
        }
      }
    }
    Map<String, Object> env = (Map<String, Object>) service("app").get("environment");
    assertThat(required).isNotEmpty();
    assertThat(env.keySet()).containsAll(required);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theNodesRunInEnglandsZoneFromTheFirstStart() throws IOException {
    String zone = "Europe/London";
    assertThat(Files.readString(Path.of("src/main/resources/application.yaml")))
        .as("the law's days are England's").contains("zone: " + zone);
    Map<String, Object> env = (Map<String, Object>) service("app").get("environment");
    assertThat(env.get("TZ")).as("docker-compose.yml, app environment").isEqualTo(zone);
    assertThat(String.valueOf(env.get("JAVA_TOOL_OPTIONS"))).as("no other zone given to the JVM").doesNotContain("user.timezone");
    assertThat(Files.readAllLines(Path.of("Dockerfile"))).as("the image on its own (docker run)")
        .contains("ENV TZ=" + zone);
  }
}
