package uk.schoolattendance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body larger than {@code attendance.security.max-request-size} (5 MB by default: a
 * deployment of every model is under 1 MB) is answered 413 before anything reads it; a body sent
 * without its length is cut off at the limit. Register imports ({@code text/csv}, XML) stream
 * their bodies and set their own limits.
 */
class RequestSizeLimit extends OncePerRequestFilter {

  private static final List<String> STREAMED = List.of("text/csv", "application/xml", "text/xml");

  private final long limit;

  RequestSizeLimit(DataSize limit) {
    this.limit = limit.toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
    if (STREAMED.stream().anyMatch(type::startsWith)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > limit) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/json");
      response.setHeader("Connection", "close");
      response.getOutputStream().write(
          ("{\"type\":\"PayloadTooLarge\",\"message\":\"request body: must be at most " + DataSize.ofBytes(limit).toMegabytes() + " MB\"}")
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request, limit) : request, response);
  }

  /** A body of unknown length, read up to the limit. */
  private static final class Bounded extends HttpServletRequestWrapper {
    private final long limit;

    Bounded(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > limit) {
            throw new IOException("request body: over the limit of " + limit + " bytes");
          }
          return b;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
