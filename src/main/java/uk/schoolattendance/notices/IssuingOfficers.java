package uk.schoolattendance.notices;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * The authorised officer who issues a notice, as the notice names them (SI 2007/1867 reg 3(c):
 * "the name and official particulars of the authorised officer issuing the notice"): the user's
 * first and last name from the engine's identity store, or the user id when it holds no name.
 */
final class IssuingOfficers {

  private IssuingOfficers() {}

  /** The officer's name, or null without a user. */
  static String name(IdentityService identity, String userId) {
    if (userId == null) {
      return null;
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    String name =
        user == null
            ? ""
            : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                    + (user.getLastName() == null ? "" : user.getLastName()))
                .trim();
    return name.isEmpty() ? userId : name;
  }
}
