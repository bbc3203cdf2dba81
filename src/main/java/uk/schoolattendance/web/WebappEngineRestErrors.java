package uk.schoolattendance.web;

import jakarta.servlet.ServletRegistration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Tasklist and Cockpit call the engine through the webapps' own copy of the engine REST API
 * ({@code /camunda/api/engine}, servlet "Engine Api"), not through {@code /engine-rest}. It gets
 * the same error handling, so a refused completion in Tasklist is a 400 naming the field, as on
 * {@code /engine-rest} ({@link EngineRestConfiguration}), never a 500. The servlet is registered
 * here exactly as Camunda's webapp initializer registers it (which then keeps it), with the
 * project's providers added.
 */
@Configuration(proxyBeanMethods = false)
class WebappEngineRestErrors {

  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer webappEngineApiErrorHandling(CamundaBpmProperties camunda) {
    return context -> {
      if (context.getServletRegistration(WEBAPP_ENGINE_API) != null) {
        return;
      }
      ServletRegistration.Dynamic engineApi = context.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
      engineApi.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
      engineApi.setInitParameters(
          Map.of(
              "jakarta.ws.rs.Application", EngineRestApplication.class.getName(),
              ServerProperties.PROVIDER_CLASSNAMES,
              Stream.of(
                      EngineRestErrors.EngineExceptions.class,
                      EngineRestErrors.RestExceptions.class,
                      EngineRestErrors.ParameterExceptions.class,
                      EngineRestVariableTypes.class,
                      EngineRestErrorSanitizer.class)
                  .map(Class::getName)
                  .collect(Collectors.joining(","))));
    };
  }
}
