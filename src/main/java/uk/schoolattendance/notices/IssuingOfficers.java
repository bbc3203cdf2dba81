package uk.schoolattendance.notices;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The authorised officer who issues a notice, as the notice names them (SI 2007/1867 reg 3(c):
 * "the name and official particulars of the authorised officer issuing the notice"): the user's
 * first and last name from the identity store, or the user id when it holds no name.
 */
@Component
public class IssuingOfficers {

  private final Supplier<IdentityService> identity;

  @Autowired
  public IssuingOfficers(IdentityService identity) {
    this(() -> identity);
  }

  /** For an engine built after this (process tests). */
  public IssuingOfficers(Supplier<IdentityService> identity) {
    this.identity = identity;
  }

  /** The officer's name, or null without a user. */
  public String name(String userId) {
    if (userId == null) {
      return null;
    }
    User user = identity.get().createUserQuery().userId(userId).singleResult();
    String name =
        user == null
            ? ""
            : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                    + (user.getLastName() == null ? "" : user.getLastName()))
                .trim();
    return name.isEmpty() ? userId : name;
  }
}
