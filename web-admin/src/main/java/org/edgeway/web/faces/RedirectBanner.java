package org.edgeway.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The banner of the page a save redirects to ("Saved", "Zone X created"), carried in the HTTP session instead of
 * Faces' Flash. The Flash travels in a cookie ({@code csfcfc}) that the browser also sends to every other node on
 * the same host name (cookies do not keep ports apart) and that no longer decodes after a restart; Mojarra 4.0.13
 * then sometimes fails the whole page (mojarra#5610). The console uses no Flash, and {@link FlashCookieFilter}
 * keeps such a cookie away from Faces.
 *
 * <p>Registered in faces-config.xml: before the next page of the session renders, the banner becomes its global
 * message.
 */
public final class RedirectBanner implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final String KEY = RedirectBanner.class.getName();

    /** Redirects to {@code path} (in the console) with {@code banner} shown at the top of that page. */
    public static void redirectTo(String path, String banner) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        next(new FacesMessage(banner));
        external.redirect(external.getRequestContextPath() + path);
    }

    /** Shows {@code message} at the top of the next page this session renders (the one redirected to). */
    public static void next(FacesMessage message) {
        Map<String, Object> session = FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
        @SuppressWarnings("unchecked")
        List<FacesMessage> pending = (List<FacesMessage>) session.computeIfAbsent(KEY, k -> new ArrayList<>());
        pending.add(message);
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        if (faces.getExternalContext().getSession(false) == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<FacesMessage> pending = (List<FacesMessage>) faces.getExternalContext().getSessionMap().remove(KEY);
        if (pending != null) {
            pending.forEach(m -> faces.addMessage(null, m));
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
    }
}
