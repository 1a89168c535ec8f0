package org.edgeway.web.security;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import org.edgeway.services.protection.ProtectionDetector;

/**
 * The 403 a source blocked by automated protection gets instead of any page: the API's error JSON
 * ({@code status}, {@code error}, {@code fields}) under /api, a short page elsewhere, both saying until when.
 */
final class BlockedSourceAnswer {

    private BlockedSourceAnswer() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, String path,
            ProtectionDetector.Block block) throws IOException {
        String text = "Access from " + block.address() + " is blocked by automated protection until "
                + block.until().truncatedTo(ChronoUnit.SECONDS) + " (too many failures: " + block.category() + ")";
        long seconds = Math.max(1, block.until().getEpochSecond() - java.time.Instant.now().getEpochSecond());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (path.equals("/api") || path.startsWith("/api/")) {
            response.setContentType("application/json");
            response.getWriter().write(Json.createObjectBuilder().add("status", 403).add("error", text)
                    .add("fields", JsonValue.NULL).build().toString());
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html><head><title>Blocked</title></head><body>"
                    + "<h1 id=\"blocked\">Blocked by automated protection</h1><p id=\"blockedMessage\">"
                    + text.replace("&", "&amp;").replace("<", "&lt;") + "</p></body></html>");
        }
    }
}
