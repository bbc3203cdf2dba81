package uk.schoolattendance.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Filters on the engine's APIs: the REST API ({@code /engine-rest}) and the webapps' own API
 * ({@code /camunda/api}): the size of a request (first, also for the project's API), and what an
 * answer discloses (after authentication), and a bound for the one unbounded list Cockpit asks
 * for (its version selector).
 */
@Configuration(proxyBeanMethods = false)
class EngineApiFilters {

  static final String WEBAPP_API = "/camunda/api/*";

  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
      @Value("${attendance.security.max-request-size:5MB}") DataSize limit) {
    FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(limit));
    registration.setName("attendance-request-size");
    registration.addUrlPatterns(ApiSecurityConfiguration.ENGINE_REST, ApiSecurityConfiguration.API, WEBAPP_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<DisclosureFilter> disclosureFilter(IdentityService identityService) {
    FilterRegistrationBean<DisclosureFilter> registration =
        new FilterRegistrationBean<>(new DisclosureFilter(identityService));
    registration.setName("attendance-disclosure");
    registration.addUrlPatterns(ApiSecurityConfiguration.ENGINE_REST, WEBAPP_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappVersionLists> webappVersionLists(
      @Value("${camunda.bpm.generic-properties.properties.query-max-results-limit:2147483647}") int limit) {
    FilterRegistrationBean<WebappVersionLists> registration = new FilterRegistrationBean<>(new WebappVersionLists(limit));
    registration.setName("attendance-webapp-version-lists");
    registration.addUrlPatterns(WebappVersionLists.WEBAPP_ENGINE_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
    return registration;
  }
}
