package org.edgeway.web.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Answers a full-page POST with a file to save instead of a page (the browser's download prompt). */
@ApplicationScoped
public class FileResponse {

    public void send(String name, String contentType, long length, InputStream content) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ec = faces.getExternalContext();
        ec.responseReset();
        ec.setResponseContentType(contentType);
        ec.setResponseContentLength((int) length);
        ec.setResponseHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (InputStream in = content; OutputStream out = ec.getResponseOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send " + name, e);
        }
        faces.responseComplete();
    }
}
