package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.edgeway.services.authentication.CredentialForm;
import org.edgeway.services.authentication.CredentialView;
import org.edgeway.services.authentication.LocalDatabase;

/** Configuration &gt; Authentication &gt; Devices &gt; Local database over the API. Passwords are write-only. */
@Path("/configuration/authentication/local-database")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LocalDatabaseResource {

    /** A credential as the API shows it: never its password. */
    public record Credential(long id, String name, Instant createdAt) {
        static Credential of(CredentialView v) {
            return new Credential(v.id(), v.name(), v.createdAt());
        }
    }

    @Inject
    private LocalDatabase database;

    @GET
    public List<Credential> list() {
        return database.list().stream().map(Credential::of).toList();
    }

    @GET
    @Path("{id}")
    public Credential get(@PathParam("id") long id) {
        return database.list().stream().filter(c -> c.id() == id).findFirst().map(Credential::of)
                .orElseThrow(() -> ApiError.notFound("No credential " + id));
    }

    @POST
    public Response create(InputStream in) {
        CredentialForm form = new CredentialForm();
        read(in, form);
        long id = database.save(form);
        return Response.status(Response.Status.CREATED).entity(get(id)).build();
    }

    /** Changes what the body names; no password keeps the stored one. */
    @PUT
    @Path("{id}")
    public Credential update(@PathParam("id") long id, InputStream in) {
        CredentialForm form = database.form(id).orElseThrow(() -> ApiError.notFound("No credential " + id));
        read(in, form);
        database.save(form);
        return get(id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        database.form(id).orElseThrow(() -> ApiError.notFound("No credential " + id));
        database.delete(List.of(id));
        return Response.noContent().build();
    }

    private static void read(InputStream in, CredentialForm form) {
        JsonBody.read(in).string("name", form::setName).string("password", form::setPassword)
                .ignore("id", "createdAt").finish();
    }
}
