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
import org.edgeway.services.media.TraversalSubzoneForm;

/** Configuration &gt; Local Zone &gt; Traversal Subzone over the API, with the console's validation. */
@Path("/configuration/local-zone/traversal-subzone")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TraversalSubzoneResource {

    @Inject
    private MediaSettingsService media;

    @GET
    public MediaJson.TraversalSubzone get() {
        return MediaJson.subzone(media.subzoneForm(), media.relayStatus(), media.rangeOverride().orElse(null));
    }

    /** Changes the fields the body names, keeps the others. */
    @PUT
    public MediaJson.TraversalSubzone put(InputStream in) {
        TraversalSubzoneForm form = media.subzoneForm();
        JsonBody.read(in)
                .integer("rangeStart", form::setRangeStart)
                .integer("rangeEnd", form::setRangeEnd)
                .ignore("relayStatus")
                .ignore("rangeOverride")
                .finish();
        media.saveSubzone(form);
        return get();
    }
}
