package org.edgeway.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.edgeway.services.security.Caller;

/**
 * Every console page needs a logged-in administrator (the REST API authenticates in its own filter). An account
 * that must change its password sees nothing else until it has. Identifies the caller for the services.
 */
@WebFilter(urlPatterns = "/*", filterName = "LoginFilter")
public class LoginFilter extends HttpFilter {

    static final String LOGIN = "/login";
    static final String CHANGE_PASSWORD = "/change-password";

    @Inject
    private AdminSession session;
    @Inject
    private Caller caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (isPublic(path)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if (!session.isLoggedIn()) {
            redirect(request, response, LOGIN);
            return;
        }
        if (session.isMustChangePassword() && !path.startsWith(CHANGE_PASSWORD) && !path.startsWith("/logout")) {
            redirect(request, response, CHANGE_PASSWORD);
            return;
        }
        caller.identify(session.identity().name(), session.identity().accessLevel(), "web");
        chain.doFilter(request, response);
    }

    private static boolean isPublic(String path) {
        return path.startsWith(LOGIN) || path.startsWith("/jakarta.faces.resource/") || path.startsWith("/api/")
                || path.startsWith("/error") || path.startsWith("/not-found");
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
