package uk.schoolattendance.casefile;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.AsTheApplication;

/**
 * Runs a read as the application rather than as the signed-in user, for what is not case data:
 * the names of people who hold a case's tasks (a school may not read the user directory) and the
 * names of a model's activities; and the parent a task of a case the viewer may read is for
 * ({@link TaskNames}). The user's authentication is restored afterwards.
 */
@Component
public class AsApplication {

  private final IdentityService identityService;

  AsApplication(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> read) {
    return AsTheApplication.call(identityService, read);
  }
}
