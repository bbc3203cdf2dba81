package uk.schoolattendance.casefile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import uk.schoolattendance.attendance.RegisterImports;
import uk.schoolattendance.security.WebappLogin;

/** The {@link Viewer} of the current request, made once per request. */
@Component
public class Viewers {

  private static final String ATTRIBUTE = Viewer.class.getName();
  private static final String IMPORTS = Viewer.class.getName() + ".importsMarks.";

  private final IdentityService identityService;
  private final WebappLogin sessions;
  private final PeopleNames names;
  private final RegisterImports imports;

  Viewers(IdentityService identityService, WebappLogin sessions, PeopleNames names, RegisterImports imports) {
    this.identityService = identityService;
    this.sessions = sessions;
    this.names = names;
    this.imports = imports;
  }

  /** The signed-in user of this request (the pages need one: the security chain sees to it). */
  public Viewer current(HttpServletRequest request) {
    Object made = request.getAttribute(ATTRIBUTE);
    if (made instanceof Viewer viewer) {
      return viewer;
    }
    var user = identityService.getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      throw new IllegalStateException("a case file page without a signed-in user");
    }
    UserAuthentication session = sessions.user(request);
    Set<String> webapps = session == null || session.getAuthorizedApps() == null ? Set.of() : session.getAuthorizedApps();
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    Viewer viewer = new Viewer(user.getUserId(), names.of(user.getUserId()), groups, webapps,
        importsMarks(request, user.getUserId()));
    request.setAttribute(ATTRIBUTE, viewer);
    return viewer;
  }

  /**
   * Whether the user may import register marks, asked of the engine once a session (like the
   * webapps a session may open), so that the navigation costs no query on every page.
   */
  private boolean importsMarks(HttpServletRequest request, String userId) {
    HttpSession session = request.getSession(false);
    String key = IMPORTS + userId;
    if (session != null && session.getAttribute(key) instanceof Boolean known) {
      return known;
    }
    boolean may = imports.mayImport();
    if (session != null) {
      session.setAttribute(key, may);
    }
    return may;
  }
}
