package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.edgeway.services.optionkeys.OptionKeyView;
import org.edgeway.services.optionkeys.OptionKeys;
import org.edgeway.services.optionkeys.OptionPrecondition;

/**
 * Maintenance &gt; Option keys over the API: the list, {@code POST {"key":"116341H00-1-0A1B2C3D"}} (201),
 * {@code DELETE /{id}}, and {@code GET /preconditions} (the seeds' key preconditions, all met).
 */
@Path("/maintenance/option-keys")
@Produces(MediaType.APPLICATION_JSON)
public class OptionKeysResource {

    @Inject
    private OptionKeys optionKeys;

    @GET
    public List<OptionKeyView> list() {
        return optionKeys.list();
    }

    @GET
    @Path("{id}")
    public OptionKeyView get(@PathParam("id") long id) {
        return optionKeys.list().stream().filter(k -> k.id() == id).findFirst()
                .orElseThrow(() -> ApiError.notFound("No option key " + id));
    }

    @GET
    @Path("preconditions")
    public List<OptionPrecondition> preconditions() {
        return optionKeys.preconditions();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(InputStream in) {
        String[] key = new String[1];
        JsonBody.read(in).string(OptionKeys.FIELD, v -> key[0] = v).finish();
        return Response.status(Response.Status.CREATED).entity(optionKeys.add(key[0])).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        get(id);
        optionKeys.delete(List.of(id));
        return Response.noContent().build();
    }
}
