package uk.schoolattendance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * School attendance casework: a Camunda 7 process application for local-authority
 * school attendance teams. Officers and schools work in Tasklist, managers in Cockpit.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AttendanceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AttendanceApplication.class, args);
  }
}
