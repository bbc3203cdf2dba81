package uk.schoolattendance.cluster;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node as its own JVM: {@link ProbeNode} on the test classpath (surefire's
 * classpath holds the main and test classes), its output in {@code target/nodes/<name>.log}.
 */
public final class NodeProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final List<String> arguments;
  private Path workingDirectory;
  private Process process;

  public NodeProcess(String name, List<String> arguments) {
    this.name = name;
    this.port = freePort();
    this.arguments = arguments;
    this.workingDirectory = Path.of("target", "nodes", name);
  }

  /** The node's current directory: where the default H2 database ({@code ./data}) lives. */
  public NodeProcess in(Path directory) {
    this.workingDirectory = directory;
    return this;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String name() {
    return name;
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** Starts the JVM; {@link #awaitReady} waits for it. */
  public NodeProcess start() throws IOException {
    File log = Path.of("target", "nodes", name + ".log").toFile();
    log.getParentFile().mkdirs();
    // Its own working directory: nothing of the project's folders is found relative to it.
    workingDirectory.toFile().mkdirs();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    // A test node: quick start-up matters more than peak throughput.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ProbeNode.class.getName());
    command.add("--server.port=" + port);
    command.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
    command.add("--spring.main.banner-mode=off");
    // the nodes run the probes' jobs only: no termly meetings of their own
    command.add("--attendance.meetings.schedule-on-start=false");
    command.addAll(arguments);
    process =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
            .start();
    return this;
  }

  public NodeProcess awaitReady(Duration atMost) {
    await(name + " ready")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited, see target/nodes/" + name + ".log");
              }
              return ready();
            });
    return this;
  }

  private boolean ready() {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGKILL: no shutdown hook, no graceful end of running jobs or transactions. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: Spring's graceful shutdown. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
