package org.edgeway.web.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeway.services.security.AccessDeniedException;
import org.edgeway.services.validation.InvalidSettingsException;

/** Maps what services refuse to 4xx with a reason; anything unexpected to 500 with an incident id, no trace. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException denied) {
                return ApiError.response(Response.Status.FORBIDDEN, denied.getMessage(), null).build();
            }
            if (t instanceof InvalidSettingsException invalid) {
                return ApiError.response(Response.Status.BAD_REQUEST, "Invalid settings", invalid.fieldErrors()).build();
            }
            if (t instanceof ConstraintViolationException violations) {
                Map<String, String> fields = new LinkedHashMap<>();
                for (ConstraintViolation<?> v : violations.getConstraintViolations()) {
                    fields.putIfAbsent(lastNode(v.getPropertyPath()), v.getMessage());
                }
                return ApiError.response(Response.Status.BAD_REQUEST, "Invalid settings", fields).build();
            }
            if (t instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
                Response.Status status = Response.Status.fromStatusCode(web.getResponse().getStatus());
                return ApiError.response(status == null ? Response.Status.BAD_REQUEST : status,
                        web.getMessage(), null).build();
            }
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "API error, incident " + incident, e);
        return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR,
                "Internal error, incident " + incident + " (details in the server log)", null).build();
    }

    private static String lastNode(Path path) {
        String name = "request";
        for (Path.Node n : path) {
            if (n.getName() != null) {
                name = n.getName();
            }
        }
        return name;
    }
}
