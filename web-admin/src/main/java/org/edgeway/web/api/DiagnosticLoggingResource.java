package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.edgeway.services.diagnostics.DiagnosticLogState;
import org.edgeway.services.diagnostics.DiagnosticLogging;

/**
 * Maintenance &gt; Diagnostics &gt; Diagnostic logging over the API, the seed's steps in order: {@code POST /start}
 * ({@code {"debug":true}} raises the engine's SIP/TURN/media loggers to debug), {@code POST /marker}
 * ({@code {"marker":"..."}}), {@code POST /stop}, {@code POST /collect}, {@code GET /download} (a zip);
 * {@code GET} the state.
 */
@Path("/maintenance/diagnostics/diagnostic-logging")
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosticLoggingResource {

    @Inject
    private DiagnosticLogging logging;

    @GET
    public DiagnosticLogState state() {
        return logging.state();
    }

    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_JSON)
    public DiagnosticLogState start(InputStream in) {
        boolean[] debug = {false};
        JsonBody.read(in).bool("debug", v -> debug[0] = v).finish();
        logging.start(debug[0]);
        return logging.state();
    }

    @POST
    @Path("marker")
    @Consumes(MediaType.APPLICATION_JSON)
    public DiagnosticLogState marker(InputStream in) {
        String[] text = new String[1];
        JsonBody.read(in).string(DiagnosticLogging.MARKER_FIELD, v -> text[0] = v).finish();
        logging.addMarker(text[0]);
        return logging.state();
    }

    @POST
    @Path("stop")
    public DiagnosticLogState stop() {
        logging.stop();
        return logging.state();
    }

    @POST
    @Path("collect")
    public DiagnosticLogState collect() {
        return logging.collect();
    }

    @GET
    @Path("download")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response download() {
        return Response.ok(logging.collected().toFile(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + logging.collectedFileName() + "\"")
                .build();
    }
}
