package uk.schoolattendance.casefile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import uk.schoolattendance.notices.PenaltyNoticeProperties;

/**
 * Errors of the case file's pages as pages (the project's API answers problem details instead):
 * a page that does not exist or that the viewer may not see is "Page not found" (404), the same
 * for both; a page of a service the viewer's role does not include is "You cannot open this page"
 * (403, {@link PageForbiddenException}); a change the engine refuses for the viewer's role is "You
 * cannot do this" (403); an
 * unexpected failure is a page with a reference for the administrator, the details in the log.
 */
@Component
class CaseFileErrors implements HandlerExceptionResolver, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(CaseFileErrors.class);

  private final Viewers viewers;
  private final String authority;

  CaseFileErrors(Viewers viewers, PenaltyNoticeProperties notices) {
    this.viewers = viewers;
    this.authority = notices.authority().name();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/casework")) {
      return null;
    }
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (e instanceof PageNotFoundException || e instanceof NotFoundException || e instanceof NoResourceFoundException
        || e instanceof MissingServletRequestParameterException || e instanceof MethodArgumentTypeMismatchException
        || e instanceof HttpRequestMethodNotSupportedException || (read && e instanceof AuthorizationException)) {
      return page(request, HttpStatus.NOT_FOUND, "casefile/not-found");
    }
    if (e instanceof PageForbiddenException && read) {
      return page(request, HttpStatus.FORBIDDEN, "error/403");
    }
    if (e instanceof AuthorizationException || e instanceof PageForbiddenException) {
      ModelAndView page = page(request, HttpStatus.FORBIDDEN, "casefile/forbidden");
      page.addObject("back", backTo(request));
      return page;
    }
    String reference = UUID.randomUUID().toString();
    LOG.error("Unexpected failure of a case file page {} ({})", path, reference, e);
    ModelAndView page = page(request, HttpStatus.INTERNAL_SERVER_ERROR, "casefile/problem");
    page.addObject("reference", reference);
    return page;
  }

  private ModelAndView page(HttpServletRequest request, HttpStatus status, String view) {
    ModelAndView page = new ModelAndView(view);
    page.setStatus(status);
    page.addObject("layout", LayoutAdvice.of(request, viewers, authority));
    return page;
  }

  /** The case page an action was taken on, or the start page. */
  private static String backTo(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(/casework/cases/[^/]+).*").matcher(path);
    return matcher.matches() ? matcher.group(1) : Navigation.FIND;
  }
}
