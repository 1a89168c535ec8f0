package org.edgeway.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * HTTPS is the console's and the API's home: plain HTTP is redirected to the HTTPS port, unless the node was
 * started for a loopback lab ({@value #LAB_PROPERTY}{@code =loopback}, {@code edgeway.sh --lab-http}) and the
 * request comes from a loopback address. Sets the security headers every answer carries.
 */
final class TransportSecurity {

    static final String LAB_PROPERTY = "edgeway.console.plain-http";
    /**
     * Scripts and styles only from the node itself; PrimeFaces and Faces still need inline handlers and
     * styles, so 'unsafe-inline' stays for those two. No framing, no plugins, forms post only to the node.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'"
            + " 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000";

    private TransportSecurity() {
    }

    /** True if the request may be served on this transport; otherwise the redirect has been sent. */
    static boolean allow(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.isSecure() || labAllows(request)) {
            return true;
        }
        String query = request.getQueryString();
        String location = "https://" + hostForUrl(request.getServerName()) + ":" + httpsPort()
                + request.getRequestURI() + (query == null ? "" : "?" + query);
        boolean safeMethod = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        response.setStatus(safeMethod ? HttpServletResponse.SC_MOVED_PERMANENTLY : 308);
        response.setHeader("Location", location);
        return false;
    }

    static void headers(HttpServletRequest request, HttpServletResponse response, boolean staticResource) {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        if (!staticResource) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    private static boolean labAllows(HttpServletRequest request) {
        if (!"loopback".equals(System.getProperty(LAB_PROPERTY))) {
            return false;
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The HTTPS socket binding's port with the node's port offset, as standalone.xml computes it. */
    private static int httpsPort() {
        return Integer.getInteger("jboss.https.port", 8443) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    }

    private static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
