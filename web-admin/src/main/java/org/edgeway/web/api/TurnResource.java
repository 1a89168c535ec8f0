package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.edgeway.services.turn.RelayRow;
import org.edgeway.services.turn.TurnSettingsForm;
import org.edgeway.services.turn.TurnSettingsService;
import org.edgeway.services.turn.TurnStatus;
import org.edgeway.services.turn.TurnSummary;

/** Configuration &gt; Traversal &gt; TURN and its status over the API, with the console's validation. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TurnResource {

    @Inject
    private TurnSettingsService settings;
    @Inject
    private TurnStatus status;

    @GET
    @Path("configuration/traversal/turn")
    public TurnSettingsForm get() {
        return settings.form();
    }

    /** Missing fields take the defaults of seed 003; sharedSecret is write-only (null keeps the stored one). */
    @PUT
    @Path("configuration/traversal/turn")
    public TurnSettingsForm put(TurnSettingsForm form) {
        settings.save(SystemResource.required(form));
        return settings.form();
    }

    @GET
    @Path("status/turn")
    public TurnSummary summary() {
        return status.summary();
    }

    @GET
    @Path("status/turn/relays")
    public List<RelayRow> relays() {
        return status.relays();
    }
}
