package org.edgeway.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.edgeway.services.security.AdminAccounts;
import org.edgeway.services.security.AdminIdentity;
import org.edgeway.services.protection.ProtectionDetector;
import org.edgeway.services.security.Caller;

/**
 * Every console page needs a logged-in administrator whose account still allows it (the REST API authenticates
 * in its own filter). An account that must change its password sees nothing else until it has. Identifies the
 * caller for the services. Also the front door for every request: HTTPS only, unambiguous paths only, and no
 * source that automated protection blocks (403, JSON for the API).
 */
@WebFilter(urlPatterns = "/*", filterName = "LoginFilter")
public class LoginFilter extends HttpFilter {

    static final String LOGIN = "/login";
    static final String CHANGE_PASSWORD = "/change-password";
    private static final String LOGOUT = "/logout";

    @Inject
    private AdminSession session;
    @Inject
    private AdminAccounts accounts;
    @Inject
    private Caller caller;
    @Inject
    private ProtectionDetector protection;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (RequestPath.isAmbiguous(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (!TransportSecurity.allow(request, response)) {
            return;
        }
        String path = RequestPath.of(request);
        Optional<ProtectionDetector.Block> block = protection.refusing(request.getRemoteAddr());
        if (block.isPresent()) {
            BlockedSourceAnswer.send(request, response, path, block.get());
            return;
        }
        TransportSecurity.headers(request, response, RequestPath.isStaticResource(path));
        if (RequestPath.isPublic(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getSession(false) == null || !session.isLoggedIn()) { // creates no session for strangers
            redirect(request, response, LOGIN);
            return;
        }
        // the account as it is now: deleted, disabled or a new password ends the session; access level follows
        Optional<AdminIdentity> now = accounts.current(session.identity());
        if (now.isEmpty()) {
            HttpSession s = request.getSession(false);
            if (s != null) {
                s.invalidate();
            }
            redirect(request, response, LOGIN);
            return;
        }
        session.refresh(now.get());
        if (session.isMustChangePassword() && !path.startsWith(CHANGE_PASSWORD) && !path.equals(LOGOUT)) {
            redirect(request, response, CHANGE_PASSWORD);
            return;
        }
        caller.identify(now.get().name(), now.get().accessLevel(), "web");
        chain.doFilter(request, response);
    }

    /** A full redirect, or the Faces partial-response form for Ajax requests so the browser follows it. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String to)
            throws IOException {
        String url = request.getContextPath() + to;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                    + "<redirect url=\"%s\"></redirect></partial-response>", url);
            return;
        }
        response.sendRedirect(url);
    }
}
