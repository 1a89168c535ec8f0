package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.edgeway.services.restart.RestartOptions;

/**
 * Maintenance &gt; Restart options over the API: {@code GET} the boot time and what waits for a restart,
 * {@code POST /restart} and {@code POST /shutdown} (202: the node goes down a second later).
 */
@Path("/maintenance/restart-options")
@Produces(MediaType.APPLICATION_JSON)
public class RestartOptionsResource {

    /** The page as the API shows it. */
    public record State(Instant bootTime, List<Waiting> waitingForRestart) {
    }

    /** One restart-required alarm. */
    public record Waiting(String code, String title, String action, Instant raisedAt) {
    }

    /** The answer to an accepted action. */
    public record Accepted(String action, Instant bootTime) {
    }

    @Inject
    private RestartOptions restartOptions;

    @GET
    public State get() {
        return new State(restartOptions.bootTime(), restartOptions.waitingForRestart().stream()
                .map(a -> new Waiting(a.code(), a.title(), a.action(), a.lastRaisedAt())).toList());
    }

    @POST
    @Path("restart")
    public Response restart() {
        restartOptions.restart();
        return Response.accepted(new Accepted("restart", restartOptions.bootTime())).build();
    }

    @POST
    @Path("shutdown")
    public Response shutdown() {
        restartOptions.shutdown();
        return Response.accepted(new Accepted("shutdown", restartOptions.bootTime())).build();
    }
}
