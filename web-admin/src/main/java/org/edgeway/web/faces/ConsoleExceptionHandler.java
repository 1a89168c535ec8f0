package org.edgeway.web.faces;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No stack trace ever reaches an administrator: an unexpected failure is logged with an incident id and the
 * browser goes to the error page showing that id; an expired view goes back to the page it came from.
 */
public class ConsoleExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ConsoleExceptionHandler.class.getName());

    public ConsoleExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable t = events.next().getContext().getException();
            events.remove();
            ExternalContext external = faces.getExternalContext();
            try {
                if (t instanceof ViewExpiredException expired) {
                    external.redirect(external.getRequestContextPath() + expired.getViewId().replace(".xhtml", ""));
                } else {
                    String incident = UUID.randomUUID().toString().substring(0, 8);
                    LOG.log(Level.SEVERE, "Console error, incident " + incident, t);
                    external.redirect(external.getRequestContextPath() + "/error?incident=" + incident);
                }
                faces.responseComplete();
            } catch (IOException | IllegalStateException e) {
                throw new FacesException(t);
            }
        }
        getWrapped().handle();
    }
}
