package uk.schoolattendance.schools;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The shipped calendar, bound from application.yaml without a Spring context (for process tests). */
public final class TestCalendars {

  private TestCalendars() {}

  public static SchoolCalendar shipped() {
    try {
      StandardEnvironment env = new StandardEnvironment();
      for (PropertySource<?> source :
          new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))) {
        env.getPropertySources().addLast(source);
      }
      CalendarProperties properties =
          new Binder(ConfigurationPropertySources.get(env))
              .bind("attendance.calendar", CalendarProperties.class)
              .get();
      return new SchoolCalendar(properties);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

}
