package org.edgeway.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;

/**
 * The path a request is decided on. Access is decided on what the container will serve (servlet path plus path
 * info, already decoded and normalised), and requests whose raw path could be read two ways are refused outright:
 * dot segments, {@code ;} path parameters, encoded dots, slashes, backslashes, NULs and percent signs.
 */
final class RequestPath {

    /** Pages anyone may see, matched exactly. */
    private static final Set<String> PUBLIC_PAGES = Set.of("/login", "/login.xhtml", "/error", "/error.xhtml",
            "/not-found", "/not-found.xhtml");
    /** Faces resources (style sheets, scripts, images) and the REST API, which authenticates every call itself. */
    private static final String RESOURCES = "/jakarta.faces.resource/";
    private static final String API = "/api";

    private RequestPath() {
    }

    /** The path within the application that the container resolved, e.g. {@code /system/dns}. */
    static String of(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    /** True if the raw request path is ambiguous and must be refused (400). */
    static boolean isAmbiguous(HttpServletRequest request) {
        String raw = request.getRequestURI();
        if (raw == null || raw.indexOf(';') >= 0 || raw.indexOf('\\') >= 0) {
            return true;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")
                || lower.contains("%25")) {
            return true;
        }
        for (String segment : raw.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    static boolean isPublic(String path) {
        return PUBLIC_PAGES.contains(path) || path.startsWith(RESOURCES) || path.equals(API)
                || path.startsWith(API + "/");
    }

    static boolean isStaticResource(String path) {
        return path.startsWith(RESOURCES);
    }
}
