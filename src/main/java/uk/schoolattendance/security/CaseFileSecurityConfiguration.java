package uk.schoolattendance.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The case file's pages ({@code /casework}, docs/casefile.md): one login with the Camunda webapps
 * (the webapps' session, {@link WebappLogin}), every change protected by a CSRF token, and the
 * signed-in user as the engine's authentication for the whole request, so the engine's
 * authorizations decide what each page shows and what each action may do. A visitor who is not
 * signed in is sent to the sign-in page and back. The pages' stylesheets and scripts and the
 * sign-in page itself need no login.
 */
@Configuration(proxyBeanMethods = false)
class CaseFileSecurityConfiguration {

  static final String PAGES = "/casework/*";
  static final String SIGN_IN = "/casework/sign-in";
  static final String STATIC = "/casework/static/**";

  /** Spring Security's filter chain, registered for the pages too (it is off for other paths). */
  @Bean
  DelegatingFilterProxyRegistrationBean caseFileSecurityFilter() {
    DelegatingFilterProxyRegistrationBean registration =
        new DelegatingFilterProxyRegistrationBean(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME);
    registration.setName("case-file-security");
    registration.addUrlPatterns(PAGES);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  @Order(10)
  SecurityFilterChain caseFile(
      HttpSecurity http, WebappLogin sessions, IdentityService identityService, SecurityProperties properties)
      throws Exception {
    AuthenticationEntryPoint signIn =
        (request, response, exception) -> response.sendRedirect(signInFor(request));
    http.securityMatcher("/casework/**")
        .addFilterAfter(new CaseFileSessionFilter(sessions), SecurityContextHolderFilter.class)
        .addFilterAfter(new EngineAuthenticationBridge(identityService), AuthorizationFilter.class)
        .authorizeHttpRequests(
            requests -> requests.requestMatchers(STATIC, SIGN_IN).permitAll().anyRequest().authenticated())
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn))
        // The webapps' session is the one place a login lives: no security context of the pages' own.
        .sessionManagement(
            sessions2 -> sessions2.sessionCreationPolicy(SessionCreationPolicy.NEVER).sessionFixation(f -> f.none()))
        .securityContext(context -> context.requireExplicitSave(true))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        // CSRF: Spring Security's synchronizer token, kept in the session and sent as a hidden field
        // of every form (Thymeleaf adds it); a change without it is refused with 403.
        .headers(
            headers -> {
              headers
                  .contentSecurityPolicy(
                      csp -> csp.policyDirectives(
                          "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self';"
                              + " form-action 'self'; frame-ancestors 'none'"))
                  .frameOptions(frame -> frame.deny())
                  .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
              if (!properties.hsts()) {
                headers.httpStrictTransportSecurity(hsts -> hsts.disable());
              }
            });
    return http.build();
  }

  /** The sign-in page, with the page asked for to come back to. */
  static String signInFor(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String query = request.getQueryString();
    String next = query == null ? path : path + "?" + query;
    return request.getContextPath() + SIGN_IN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
  }
}
