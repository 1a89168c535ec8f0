package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.edgeway.services.media.MediaSettingsService;
import org.edgeway.services.media.TraversalPortsForm;

/** Configuration &gt; Traversal &gt; Ports over the API, with the console's validation. */
@Path("/configuration/traversal/ports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TraversalPortsResource {

    @Inject
    private MediaSettingsService media;

    @GET
    public MediaJson.TraversalPorts get() {
        return MediaJson.TraversalPorts.of(media.portsForm(), media.restartPending());
    }

    /** Changes the fields the body names, keeps the others. */
    @PUT
    public MediaJson.TraversalPorts put(InputStream in) {
        TraversalPortsForm form = media.portsForm();
        JsonBody.read(in)
                .bool("useConfiguredDemuxPorts", form::setUseConfiguredDemuxPorts)
                .integer("demuxRtpPort", form::setDemuxRtpPort)
                .integer("demuxRtcpPort", form::setDemuxRtcpPort)
                .ignore("restartPending")
                .finish();
        media.savePorts(form);
        return get();
    }
}
