package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.edgeway.services.calls.IcePassthroughMetrics;

/** Status &gt; ICE Passthrough metrics and each peer's ICE Call Metrics History, as JSON and as CSV. */
@Path("/status/ice-passthrough-metrics")
@Produces(MediaType.APPLICATION_JSON)
public class IceMetricsResource {

    @Inject
    private IcePassthroughMetrics metrics;

    @GET
    public CallJson.Metrics current() {
        return CallJson.Metrics.of(metrics.current());
    }

    @GET
    @Path("metrics.csv")
    @Produces("text/csv")
    public Response csv() {
        return csv(metrics.csv(), "ice-passthrough-metrics.csv");
    }

    /** Up to 60 intervals, most recent first. */
    @GET
    @Path("{peer}/history")
    public List<CallJson.MetricsInterval> history(@PathParam("peer") String peer) {
        return metrics.history(peer).orElseThrow(() -> ApiError.notFound("No peer " + peer)).stream()
                .map(CallJson.MetricsInterval::of).toList();
    }

    @GET
    @Path("{peer}/history.csv")
    @Produces("text/csv")
    public Response historyCsv(@PathParam("peer") String peer) {
        return csv(metrics.historyCsv(peer).orElseThrow(() -> ApiError.notFound("No peer " + peer)),
                "ice-call-metrics-history.csv");
    }

    private static Response csv(String body, String filename) {
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
