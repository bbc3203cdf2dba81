package uk.schoolattendance.identity;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * Creates the contract's role groups and one {@code school-{urn}} group per configured school,
 * in every profile, at each start (idempotently).
 */
@Component
class GroupsInitializer {

  private final IdentitySetup identity;
  private final SchoolDirectory schools;

  GroupsInitializer(IdentitySetup identity, SchoolDirectory schools) {
    this.identity = identity;
    this.schools = schools;
  }

  @EventListener
  @Order(10)
  public void createGroups(ApplicationReadyEvent event) {
    for (String[] role : Groups.ROLES) {
      identity.ensureGroup(role[0], role[1], "WORKFLOW");
    }
    for (School school : schools.all()) {
      identity.ensureGroup(school.group(), school.name(), "SCHOOL");
    }
  }
}
