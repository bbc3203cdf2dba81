package uk.schoolattendance.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

/**
 * Closes the doors Camunda 7 leaves open (docs/security.md). The engine REST API keeps Camunda's
 * own HTTP Basic filter. The project's API ({@code /api}) has one authentication path, Spring
 * Security's: HTTP Basic checked against Camunda's identity store with its login throttling, or
 * the webapps' session for reads; the user then becomes the engine's authentication for the
 * request. Spring Security sees {@code /api} only: the webapps keep their own form login, CSRF
 * protection and session handling, untouched.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class ApiSecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest/*";
  static final String API = "/api/*";
  static final String REALM = "School Attendance Casework";

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(SecurityProperties properties) {
    FilterRegistrationBean<SecurityHeadersFilter> registration =
        new FilterRegistrationBean<>(new SecurityHeadersFilter(properties));
    registration.setName("attendance-security-headers");
    registration.addUrlPatterns(ENGINE_REST, API, "/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineRestAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(ENGINE_REST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /**
   * Spring Security's filter chain, registered for {@code /api} only (the automatic registration
   * for every path is switched off in application.yaml), in the place the API's authentication
   * has always had: after the security headers.
   */
  @Bean
  DelegatingFilterProxyRegistrationBean apiSecurityFilter() {
    DelegatingFilterProxyRegistrationBean registration =
        new DelegatingFilterProxyRegistrationBean(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME);
    registration.setName("api-authentication");
    registration.addUrlPatterns(API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  IdentityServiceAuthenticationProvider identityServiceAuthenticationProvider(IdentityService identityService) {
    return new IdentityServiceAuthenticationProvider(identityService);
  }

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, IdentityServiceAuthenticationProvider provider, IdentityService identityService)
      throws Exception {
    AuthenticationEntryPoint refuse =
        (request, response, exception) -> {
          response.setStatus(401);
          response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        };
    return http.securityMatcher("/api/**")
        .authenticationProvider(provider)
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(refuse))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refuse))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .addFilterAfter(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationBridge(identityService), AuthorizationFilter.class)
        // Basic credentials on every call, or the webapps' session for reads only: no CSRF token to
        // check, no session of its own, no login page; the API's headers come from SecurityHeadersFilter.
        .csrf(AbstractHttpConfigurer::disable)
        // The webapps' session is read, never changed: no new session id for it (that would sign
        // the user out of Cockpit), no session of the API's own.
        .sessionManagement(
            sessions ->
                sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(fixation -> fixation.none()))
        .requestCache(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .build();
  }
}
