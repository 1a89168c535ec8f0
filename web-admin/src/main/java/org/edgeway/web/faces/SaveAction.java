package org.edgeway.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.edgeway.services.security.AccessDeniedException;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Runs a service call from a page and turns what the service refuses into Faces messages: field errors next to
 * their field (inputs are named after the settings' fields, so {@code form:field}), access refusals and other
 * failures at the top of the page. Shows the "Saved" banner on success.
 */
@RequestScoped
public class SaveAction {

    /** Returns true when the call succeeded; {@code successBanner} may be null for no banner. */
    public boolean run(String formId, String successBanner, Runnable call) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            call.run();
        } catch (RuntimeException e) {
            Throwable cause = rootServiceCause(e);
            if (cause instanceof AccessDeniedException denied) {
                global(faces, FacesMessage.SEVERITY_ERROR, "Not saved: " + denied.getMessage());
            } else if (cause instanceof InvalidSettingsException invalid) {
                invalid.fieldErrors().forEach((field, message) -> field(faces, formId, field, message));
                global(faces, FacesMessage.SEVERITY_ERROR, "Not saved: correct the fields marked below");
            } else if (cause instanceof ConstraintViolationException violations) {
                for (ConstraintViolation<?> v : violations.getConstraintViolations()) {
                    field(faces, formId, lastNode(v.getPropertyPath()), v.getMessage());
                }
                global(faces, FacesMessage.SEVERITY_ERROR, "Not saved: correct the fields marked below");
            } else {
                throw e;
            }
            faces.validationFailed();
            return false;
        }
        if (successBanner != null) {
            global(faces, FacesMessage.SEVERITY_INFO, successBanner);
        }
        return true;
    }

    static Throwable rootServiceCause(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof AccessDeniedException || t instanceof InvalidSettingsException
                    || t instanceof ConstraintViolationException) {
                return t;
            }
            t = t.getCause();
        }
        return e;
    }

    private static void field(FacesContext faces, String formId, String field, String message) {
        String clientId = formId + ":" + field;
        UIComponent input = faces.getViewRoot().findComponent(":" + clientId);
        String label = input == null ? field : String.valueOf(input.getAttributes().getOrDefault("label", field));
        faces.addMessage(input == null ? null : clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, label + ": " + message, message));
    }

    private static void global(FacesContext faces, FacesMessage.Severity severity, String text) {
        faces.addMessage(null, new FacesMessage(severity, text, null));
    }

    private static String lastNode(Path path) {
        String name = null;
        for (Path.Node n : path) {
            if (n.getName() != null) {
                name = n.getName();
            }
        }
        return name;
    }
}
