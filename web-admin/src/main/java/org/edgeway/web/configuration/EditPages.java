package org.edgeway.web.configuration;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import org.edgeway.web.faces.RedirectBanner;

/** The two endings of an edit page: the record does not exist (404), or it was saved (back to the list). */
public final class EditPages {

    private EditPages() {
    }

    public static void notFound(String what) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(404, what);
        faces.responseComplete();
    }

    /** Redirects to the list page with {@code banner} shown there. */
    public static void backTo(String listPath, String banner) throws IOException {
        RedirectBanner.redirectTo(listPath, banner);
    }
}
