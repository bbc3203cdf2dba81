package uk.schoolattendance.cluster;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import uk.schoolattendance.AttendanceApplication;

/**
 * The real application plus the probe's delegate ({@link ProbeEffects} as bean
 * {@code probeEffects}), started as its own JVM by {@link NodeProcess}. Not a Spring component,
 * so no other test's context sees the probe.
 */
public final class ProbeNode {

  private ProbeNode() {}

  public static void main(String[] args) {
    start(args);
  }

  static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(AttendanceApplication.class)
        .initializers(
            context ->
                ((GenericApplicationContext) context)
                    .registerBean("probeEffects", ProbeEffects.class))
        .run(args);
  }
}
