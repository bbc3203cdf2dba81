package uk.schoolattendance.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The security package's checks on the engine REST API's requests (Jersey filters). */
@Configuration(proxyBeanMethods = false)
class EngineRestChecks {

  @Bean
  ResourceConfigCustomizer securityRequestChecks(IdentityService identityService) {
    return config ->
        config
            .register(new PasswordAnswers(identityService))
            .register(EngineRestInputRules.class)
            .register(UnsupportedMediaTypes.class);
  }
}
