package uk.schoolattendance.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Filters on the engine's APIs: the REST API ({@code /engine-rest}) and the webapps' own API
 * ({@code /camunda/api}), after authentication.
 */
@Configuration(proxyBeanMethods = false)
class EngineApiFilters {

  static final String WEBAPP_API = "/camunda/api/*";

  @Bean
  FilterRegistrationBean<DisclosureFilter> disclosureFilter(IdentityService identityService) {
    FilterRegistrationBean<DisclosureFilter> registration =
        new FilterRegistrationBean<>(new DisclosureFilter(identityService));
    registration.setName("attendance-disclosure");
    registration.addUrlPatterns(ApiSecurityConfiguration.ENGINE_REST, WEBAPP_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
