package org.edgeway.web.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
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

/**
 * Every failed API call answers the documented {@link ApiError} JSON: what services refuse is a 4xx with per-field
 * reasons (never the value), the JAX-RS 404/405/406/415 only their reason phrase (no RESTEasy message), anything
 * unexpected a 500 with an incident id in the server log (no trace).
 */
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
                return ApiError.response(Response.Status.BAD_REQUEST, ApiError.INVALID, invalid.fieldErrors()).build();
            }
            if (t instanceof ConstraintViolationException violations) {
                return violations(violations);
            }
            if (t instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
                return clientError(web.getResponse());
            }
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "API error, incident " + incident, e);
        return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR,
                "Internal error, incident " + incident + " (details in the server log)", null).build();
    }

    /** Our own refusals carry their ApiError; the framework's get the reason phrase only (keeping Allow). */
    private static Response clientError(Response r) {
        if (r.hasEntity() && r.getEntity() instanceof ApiError) {
            return r;
        }
        Response.StatusType status = r.getStatusInfo();
        Response.ResponseBuilder b = Response.status(status.getStatusCode()).type(ApiError.TYPE)
                .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), null));
        String allow = r.getHeaderString(HttpHeaders.ALLOW);
        return (allow == null ? b : b.header(HttpHeaders.ALLOW, allow)).build();
    }

    static Response violations(ConstraintViolationException violations) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> v : violations.getConstraintViolations()) {
            fields.putIfAbsent(field(v.getPropertyPath()), v.getMessage());
        }
        return ApiError.response(Response.Status.BAD_REQUEST, ApiError.INVALID, fields).build();
    }

    /**
     * The field a violation is about, named as the API and console name it: {@code keyId} of the second entry of
     * {@code ntpServers} is {@code ntpServer2KeyId}.
     */
    static String field(Path path) {
        String name = "body";
        String previous = null;
        for (Path.Node n : path) {
            if (n.getKind() != jakarta.validation.ElementKind.PROPERTY) {
                continue;
            }
            if (n.isInIterable() && n.getIndex() != null && previous != null) {
                String singular = previous.endsWith("s") ? previous.substring(0, previous.length() - 1) : previous;
                name = singular + (n.getIndex() + 1) + Character.toUpperCase(n.getName().charAt(0))
                        + n.getName().substring(1);
            } else {
                name = n.getName();
            }
            previous = n.getName();
        }
        return name;
    }
}
