package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.edgeway.services.maintenance.MaintenanceMode;

/** Maintenance &gt; Maintenance mode over the API: {@code {"enabled":true|false}}. */
@Path("/maintenance/maintenance-mode")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceModeResource {

    /** The switch as the API shows it. */
    public record State(boolean enabled) {
    }

    @Inject
    private MaintenanceMode maintenanceMode;

    @GET
    public State get() {
        return new State(maintenanceMode.isOn());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public State put(InputStream in) {
        boolean[] on = {maintenanceMode.isOn()};
        JsonBody.read(in).bool("enabled", v -> on[0] = v).finish();
        maintenanceMode.set(on[0]);
        return get();
    }
}
