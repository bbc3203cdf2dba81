package uk.schoolattendance.casefile;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.schoolattendance.notices.PenaltyNoticeProperties;

/** Every case file page gets its {@link Layout} as the model attribute {@code layout}. */
@ControllerAdvice(basePackages = "uk.schoolattendance.casefile")
class LayoutAdvice {

  private final Viewers viewers;
  private final String authority;

  LayoutAdvice(Viewers viewers, PenaltyNoticeProperties notices) {
    this.viewers = viewers;
    this.authority = notices.authority().name();
  }

  @ModelAttribute("layout")
  Layout layout(HttpServletRequest request) {
    return of(request, viewers, authority);
  }

  static Layout of(HttpServletRequest request, Viewers viewers, String authority) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith(SignInController.PATH) || !signedIn(request)) {
      return new Layout(authority, Layout.SERVICE, null, List.of());
    }
    Viewer viewer = viewers.current(request);
    return new Layout(authority, Layout.SERVICE, viewer, Navigation.of(viewer, path));
  }

  private static boolean signedIn(HttpServletRequest request) {
    var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.isAuthenticated();
  }
}
