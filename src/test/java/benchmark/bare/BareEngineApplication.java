package benchmark.bare;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The baseline of the benchmarks: a plain Camunda 7.24 Spring Boot application with the
 * starter's defaults and nothing of this project (outside the project's package, so no test
 * context of the project ever scans it).
 */
@SpringBootApplication
public class BareEngineApplication {}
