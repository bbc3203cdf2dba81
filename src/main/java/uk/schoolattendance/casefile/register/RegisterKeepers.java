package uk.schoolattendance.casefile.register;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casefile.PageForbiddenException;
import uk.schoolattendance.casefile.Viewer;
import uk.schoolattendance.casefile.Viewers;

/**
 * The register's pages exist only for those who keep it: the compliance team and administrators.
 * Anyone else gets "Page not found", as for a page that does not exist (the register holds every
 * school's notices; the engine's authorizations decide what each of its changes may do).
 */
@Component
class RegisterKeepers {

  private final Viewers viewers;

  RegisterKeepers(Viewers viewers) {
    this.viewers = viewers;
  }

  Viewer require(HttpServletRequest request) {
    Viewer viewer = viewers.current(request);
    if (!viewer.keepsRegister()) {
      throw new PageForbiddenException("the penalty notice register, for " + viewer.userId());
    }
    return viewer;
  }
}
