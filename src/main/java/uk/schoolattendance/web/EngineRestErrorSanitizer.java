package uk.schoolattendance.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine REST API: a 5xx answer never carries the exception's message (it may hold SQL, table
 * names or a value of a case). The details go to the log under a reference that the answer names.
 */
class EngineRestErrorSanitizer implements ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrorSanitizer.class);

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 500) {
      return;
    }
    String reference = UUID.randomUUID().toString();
    Object entity = response.getEntity();
    if (entity instanceof ExceptionDto dto) {
      LOG.error(
          "Engine REST {} {} failed with {} ({}): {} {}",
          request.getMethod(),
          request.getUriInfo().getPath(),
          response.getStatus(),
          reference,
          dto.getType(),
          dto.getMessage());
    } else {
      LOG.error(
          "Engine REST {} {} failed with {} ({})",
          request.getMethod(),
          request.getUriInfo().getPath(),
          response.getStatus(),
          reference);
    }
    ExceptionDto generic = new ExceptionDto();
    generic.setType("InternalServerError");
    generic.setMessage("The request could not be completed. Reference for the administrator: " + reference);
    response.setEntity(generic, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
  }
}
