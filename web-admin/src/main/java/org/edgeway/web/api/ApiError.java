package org.edgeway.web.api;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The body of every API error: {@code {"status":400,"error":"...","fields":{"dnsServer1":"must be ..."}}}.
 *
 * @param status HTTP status code
 * @param error  what went wrong, for a person
 * @param fields per-field messages for validation failures, else null
 */
public record ApiError(int status, String error, Map<String, String> fields) {

    static final MediaType TYPE = MediaType.APPLICATION_JSON_TYPE;
    static final String INVALID = "Invalid settings";

    static Response.ResponseBuilder response(Response.Status status, String error, Map<String, String> fields) {
        return Response.status(status).type(TYPE).entity(new ApiError(status.getStatusCode(), error, fields));
    }

    /** A 404 for a record that does not exist (e.g. {@code "No administrator account 7"}). */
    static NotFoundException notFound(String what) {
        return new NotFoundException(response(Response.Status.NOT_FOUND, what, null).build());
    }
}
