package uk.schoolattendance.web;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds the project's error handling to the engine REST API's Jersey application. */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

  @Bean
  ResourceConfigCustomizer engineRestErrors() {
    return config -> config
            .register(EngineRestErrors.EngineExceptions.class)
            .register(EngineRestErrors.RestExceptions.class)
            .register(EngineRestErrors.ParameterExceptions.class)
            .register(EngineRestVariableTypes.class)
           .register(EngineRestErrorSanitizer.class);
  }
}
