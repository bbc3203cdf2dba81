package uk.schoolattendance.attendance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.schoolattendance.process.ThresholdWords;

/**
 * The threshold's words ({@link ThresholdWords}, shared by pages and letters) from the register's
 * own reading of the threshold: its sessions from the NationalThreshold decision ({@link
 * ThresholdSessions}), its window from {@code attendance.register.threshold.school-weeks} ({@link
 * RegisterProperties#threshold()}, national default 10, at least 1): the package that knows no
 * process reads neither a second time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegisterProperties.class)
public class ThresholdConfiguration {

  @Bean
  ThresholdWords thresholdWords(RegisterProperties register, ThresholdSessions sessions) {
    return new ThresholdWords(sessions::sessions, register.threshold().schoolWeeks());
  }
}
