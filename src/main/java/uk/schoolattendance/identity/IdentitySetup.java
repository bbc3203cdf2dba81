package uk.schoolattendance.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.stereotype.Component;

/** Idempotent creation of groups, users and memberships in Camunda's identity store. */
@Component
public class IdentitySetup {

  private final IdentityService identityService;

  public IdentitySetup(IdentityService identityService) {
    this.identityService = identityService;
  }

  public void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  /**
   * Creates the user if missing; never changes the password of an existing user. The password
   * must follow the engine's password policy.
   */
  public void ensureUser(String id, String password, String firstName, String lastName, String email) {
    ensureUser(id, password, firstName, lastName, email, false);
  }

  /**
   * Creates a demo user whose password does not follow the password policy (demo profile only:
   * the demo passwords equal the user ids, see docs/security.md).
   */
  void ensureDemoUser(String id, String password, String firstName, String lastName, String email) {
    ensureUser(id, password, firstName, lastName, email, true);
  }

  private void ensureUser(
      String id, String password, String firstName, String lastName, String email, boolean skipPolicy) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(password);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      if (skipPolicy && identityService instanceof IdentityServiceImpl engine) {
        engine.saveUser(user, true);
      } else {
        identityService.saveUser(user);
      }
    }
  }

  public void ensureMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }
}
