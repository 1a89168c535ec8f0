package org.edgeway.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.edgeway.services.security.AdminAccounts;
import org.edgeway.services.security.AdminIdentity;
import org.edgeway.services.security.Caller;
import org.edgeway.services.security.LoginBlockedException;

/**
 * Every API call authenticates with HTTP Basic against the administrator accounts. An account that still has
 * its one-time password must change it in the console first.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

    @Inject
    private AdminAccounts accounts;
    @Inject
    private Caller caller;
    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<AdminIdentity> who = Optional.empty();
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                try {
                    who = accounts.authenticateRequest(decoded.substring(0, colon),
                            decoded.substring(colon + 1).toCharArray(), request.getRemoteAddr());
                } catch (LoginBlockedException e) {
                    // told apart from a wrong password: the client must wait, not retry
                    context.abortWith(ApiError.response(Response.Status.TOO_MANY_REQUESTS, e.getMessage(), null)
                            .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build());
                    return;
                }
            }
        }
        if (who.isEmpty()) {
            context.abortWith(ApiError.response(Response.Status.UNAUTHORIZED, "Authentication required", null)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Edgeway\", charset=\"UTF-8\"").build());
            return;
        }
        if (who.get().mustChangePassword()) {
            context.abortWith(ApiError.response(Response.Status.FORBIDDEN,
                    "This account has a one-time password: log in to the console and change it first", null).build());
            return;
        }
        caller.identify(who.get().name(), who.get().accessLevel(), "api");
    }
}
