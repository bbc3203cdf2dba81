package uk.schoolattendance.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;

/**
 * Runs work with no signed-in user, so the engine checks no authorization (the application's own
 * work, after the caller's permission was checked), then puts the user's authentication back. The
 * one way the feature packages do this.
 */
public final class AsTheApplication {

  private AsTheApplication() {
  }

  public static <T> T call(IdentityService identity, Supplier<T> work) {
    var user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }
}
