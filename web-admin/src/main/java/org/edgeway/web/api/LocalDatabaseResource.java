package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.edgeway.services.authentication.CredentialForm;
import org.edgeway.services.authentication.CredentialView;
import org.edgeway.services.authentication.LocalDatabase;

/** Configuration &gt; Authentication &gt; Devices &gt; Local database over the API. Passwords are write-only. */
@Path("/configuration/authentication/local-database")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LocalDatabaseResource {

    @Inject
    private LocalDatabase database;

    @GET
    public List<CredentialView> list() {
        return database.list();
    }

    @POST
    public Response create(CredentialForm form) {
        SystemResource.required(form).setId(null);
        long id = database.save(form);
        return Response.status(Response.Status.CREATED).entity(view(id)).build();
    }

    @PUT
    @Path("{id}")
    public CredentialView update(@PathParam("id") long id, CredentialForm form) {
        SystemResource.required(form).setId(id);
        database.form(id).orElseThrow(() -> new NotFoundException("No credential " + id));
        database.save(form);
        return view(id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        database.form(id).orElseThrow(() -> new NotFoundException("No credential " + id));
        database.delete(List.of(id));
        return Response.noContent().build();
    }

    private CredentialView view(long id) {
        return database.list().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("No credential " + id));
    }
}
