package uk.schoolattendance.attendance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.schoolattendance.process.ThresholdWords;

/**
 * The threshold's words ({@link ThresholdWords}, shared by pages and letters) from the register's
 * one reading of {@code attendance.register.threshold} ({@link RegisterProperties#threshold()}),
 * with its national defaults and its check that each value is at least 1: the package that knows
 * no process does not read the configuration a second time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegisterProperties.class)
public class ThresholdConfiguration {

  @Bean
  ThresholdWords thresholdWords(RegisterProperties register) {
    return new ThresholdWords(register.threshold().sessions(), register.threshold().schoolWeeks());
  }
}
