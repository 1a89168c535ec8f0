package org.edgeway.web.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean-validation failures of the services. RESTEasy ships a more specific mapper for {@link ValidationException}
 * (text/plain naming internal methods and echoing the value), so ours must be as specific to win.
 */
@Provider
public class ApiValidationMapper implements ExceptionMapper<ValidationException> {

    private final ApiExceptionMapper general = new ApiExceptionMapper();

    @Override
    public Response toResponse(ValidationException e) {
        return e instanceof ConstraintViolationException violations ? ApiExceptionMapper.violations(violations)
                : general.toResponse(e);
    }
}
