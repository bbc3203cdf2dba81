package uk.schoolattendance.casefile;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.security.WebappLogin;

/**
 * A 403 answered outside the case file's controllers (a webapp the viewer's role has no access to) is
 * "You cannot open this page" in the case file's layout too, with its header, navigation, sign out and
 * footer: the same page a case file page the role does not include answers ({@link CaseFileErrors}).
 */
@Component
class RefusalPage implements ErrorViewResolver, Ordered {

  private final Viewers viewers;
  private final String authority;
  private final WebappLogin sessions;
  private final IdentityService identity;

  RefusalPage(Viewers viewers, PenaltyNoticeProperties notices, WebappLogin sessions, IdentityService identity) {
    this.sessions = sessions;
    this.identity = identity;
    this.viewers = viewers;
    this.authority = notices.authority().name();
  }

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    if (status != HttpStatus.FORBIDDEN) {
      return null;
    }
    ModelAndView page = new ModelAndView("error/403", model, status);
    page.addObject("layout", layout(request));
    return page;
  }

  /**
   * The viewer's layout: the server's error page runs after the request's own filters, so the engine
   * knows no user here; the webapps' session says who is signed in (nobody: the page without navigation).
   */
  private Layout layout(HttpServletRequest request) {
    UserAuthentication user = sessions.user(request);
    if (user == null) {
      return new Layout(authority, Layout.SERVICE, null, List.of());
    }
    boolean unknown = identity.getCurrentAuthentication() == null;
    if (unknown) {
      identity.setAuthentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
    }
    try {
      Viewer viewer = viewers.current(request);
      Object asked = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      String path = asked instanceof String uri ? uri.substring(request.getContextPath().length()) : "";
      return new Layout(authority, Layout.SERVICE, viewer, Navigation.of(viewer, path));
    } finally {
      if (unknown) {
        identity.clearAuthentication();
      }
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
