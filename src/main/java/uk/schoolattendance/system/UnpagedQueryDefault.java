package uk.schoolattendance.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code queryMaxResultsLimit} set, the engine refuses every query of a logged-in user that
 * asks for an unbounded list ("An unbound number of results is forbidden!"): a plain
 * {@code GET /engine-rest/task?processInstanceId=...} would answer 400. This filter gives such
 * requests the limit as their page size instead ({@code maxResults}), so REST clients that do
 * not page keep working and still never pull more than the limit into a node's memory.
 * Requests that name their own {@code maxResults} pass unchanged; resources without paging
 * ignore the parameter.
 */
class UnpagedQueryDefault extends OncePerRequestFilter {

  private final int limit;

  UnpagedQueryDefault(int limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getParameter("maxResults") != null) {
      chain.doFilter(request, response);
      return;
    }
    String query = request.getQueryString();
    String paged = (query == null || query.isEmpty() ? "" : query + "&") + "maxResults=" + limit;
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public String getQueryString() {
            return paged;
          }
        },
        response);
  }
}
