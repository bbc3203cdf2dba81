package uk.schoolattendance.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * Engine REST API: a request without the content type an endpoint takes (a deployment or an
 * attachment sent without its multipart body) is told which one to send, not Jersey's bare
 * "HTTP 415 Unsupported Media Type".
 */
@Priority(1)
class UnsupportedMediaTypes implements ExceptionMapper<NotSupportedException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(NotSupportedException exception) {
    String path = uri == null ? "" : uri.getPath();
    boolean upload = path.endsWith("deployment/create") || path.endsWith("attachment/create") || path.endsWith("/data");
    ExceptionDto dto = new ExceptionDto();
    dto.setType("UnsupportedMediaType");
    dto.setMessage(
        "Content-Type: send "
            + (upload ? "multipart/form-data with the file(s) as parts" : "application/json with a JSON body"));
    return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
