package uk.schoolattendance.identity;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.School;

/**
 * The demo users of the contract (demo profile only), the administrator {@code demo} included.
 * Their passwords equal their ids: the one documented exception to the password policy, so they
 * are saved bypassing it. The administrators' authorizations come from {@code
 * AuthorizationsInitializer}.
 */
@Component
@Profile("demo")
class DemoUsersInitializer {

  private final IdentitySetup identity;

  DemoUsersInitializer(IdentitySetup identity) {
    this.identity = identity;
  }

  @EventListener
  @Order(20)
  public void createDemoUsers(ApplicationReadyEvent event) {
    identity.ensureGroup(Groups.CAMUNDA_ADMIN, "Administrators", "SYSTEM");
    user("demo", "Demo", "Administrator", Groups.CAMUNDA_ADMIN);
    user("officer", "Olivia", "Okafor", Groups.ATTENDANCE_OFFICERS);
    user("senior", "Samir", "Shah", Groups.SENIOR_PRACTITIONERS, Groups.ATTENDANCE_OFFICERS);
    user("compliance", "Chris", "Clarke", Groups.COMPLIANCE_TEAM);
    user("manager", "Morgan", "Mills", Groups.MANAGERS);
    user("analyst", "Alex", "Adeyemi", Groups.ANALYSTS);
    user("datateam", "Dana", "Dalton", Groups.DATA_TEAM);
    user("school1", "Sam", "Riverside", Groups.SCHOOLS, School.groupOf("100001"));
    user("school2", "Sasha", "Hillcrest", Groups.SCHOOLS, School.groupOf("100002"));
  }

  private void user(String id, String first, String last, String... groups) {
    identity.ensureDemoUser(id, id, first, last, id + "@attendance.example");
    for (String group : groups) {
      identity.ensureMembership(id, group);
    }
  }
}
