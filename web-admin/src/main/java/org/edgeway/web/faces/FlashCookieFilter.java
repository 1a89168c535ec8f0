package org.edgeway.web.faces;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * Keeps Faces' flash cookie away from Faces, and tells the browser to drop it. The console sets none (see
 * {@link RedirectBanner}), so one that arrives was set by another server on the same host name or before a restart,
 * and cannot be decoded here: Mojarra logs it as an error and now and then fails the page with it.
 */
@WebFilter(urlPatterns = "/*", filterName = "FlashCookieFilter")
public class FlashCookieFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Mojarra's name for it ({@code ELFlash.FLASH_COOKIE_NAME}). */
    static final String NAME = "csfcfc";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Cookie[] cookies = request.getCookies();
        Cookie[] others = cookies == null ? null
                : Arrays.stream(cookies).filter(c -> !NAME.equals(c.getName())).toArray(Cookie[]::new);
        if (others == null || others.length == cookies.length) {
            chain.doFilter(request, response);
            return;
        }
        Cookie expired = new Cookie(NAME, "");
        expired.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        expired.setMaxAge(0);
        expired.setSecure(request.isSecure());
        expired.setHttpOnly(true);
        response.addCookie(expired);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Cookie[] getCookies() {
                return others.length == 0 ? null : others;
            }
        }, response);
    }
}
