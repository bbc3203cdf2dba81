package uk.schoolattendance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives Cockpit's version selector a bound. The engine refuses any list without
 * {@code maxResults} from a signed-in user ({@code query-max-results-limit}, docs/security.md),
 * and Cockpit 7.24 asks for the versions of the definition it shows without one (the
 * process and decision definition pages: {@code GET .../process-definition?key=K&sortBy=version
 * &sortOrder=desc&withoutTenantId=true}, the same for {@code decision-definition}): each page
 * load was refused with 400 (twice) before Cockpit asked again for the count and then that many
 * (or only 50 when there are more than the limit).
 *
 * <p>Only those two requests, on the webapps' own engine API ({@code /camunda/api/engine}), with
 * exactly Cockpit's parameters and no {@code maxResults}, get {@code maxResults} = the engine's
 * limit: a list of one key's versions. Any other unbounded list, and every list on the public
 * {@code /engine-rest}, is still refused by the engine.
 */
class WebappVersionLists extends OncePerRequestFilter {

  static final String WEBAPP_ENGINE_API = "/camunda/api/engine/*";
  private static final Pattern VERSION_LISTS =
      Pattern.compile("/camunda/api/engine/engine/[^/]+/(process-definition|decision-definition)");
  private static final Set<String> COCKPIT_PARAMETERS = Set.of("key", "sortBy", "sortOrder", "withoutTenantId", "tenantIdIn");

  private final int limit;

  WebappVersionLists(int limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(isCockpitsVersionList(request) ? new Bounded(request, limit) : request, response);
  }

  private static boolean isCockpitsVersionList(HttpServletRequest request) {
    Map<String, String[]> parameters = request.getParameterMap();
    return "GET".equals(request.getMethod())
        && VERSION_LISTS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()
        && COCKPIT_PARAMETERS.containsAll(parameters.keySet())
        && parameters.containsKey("key")
        && "version".equals(request.getParameter("sortBy"));
  }

  /** The request with {@code maxResults} added to its query string and parameters. */
  private static final class Bounded extends HttpServletRequestWrapper {

    private final String maxResults;
    private final Map<String, String[]> parameters;

    Bounded(HttpServletRequest request, int limit) {
      super(request);
      this.maxResults = Integer.toString(limit);
      Map<String, String[]> all = new LinkedHashMap<>(request.getParameterMap());
      all.put("maxResults", new String[] {maxResults});
      this.parameters = Collections.unmodifiableMap(all);
    }

    @Override
    public String getQueryString() {
      String query = super.getQueryString();
      return (query == null || query.isEmpty() ? "" : query + "&") + "maxResults=" + maxResults;
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return parameters.get(name);
    }
  }
}
