package uk.schoolattendance.schools;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The schools the authority serves, from {@code attendance.schools}. */
@ConfigurationProperties(prefix = "attendance")
public record SchoolsProperties(List<School> schools) {

  public SchoolsProperties {
    schools = schools == null ? List.of() : List.copyOf(schools);
  }
}
