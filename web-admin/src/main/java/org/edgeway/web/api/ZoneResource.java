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
import java.util.List;
import org.edgeway.services.zones.ZoneForm;
import org.edgeway.services.zones.ZoneService;

/**
 * Configuration &gt; Zones &gt; Zones over the API, with the console's validation. The id is the zone's number.
 * The password is write-only: absent or null keeps the stored one; GET shows {@code passwordSet}.
 */
@Path("/configuration/zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ZoneResource {

    @Inject
    private ZoneService zones;

    @GET
    public List<ZoneJson.Zone> list() {
        return zones.list().stream().filter(r -> !r.builtIn()).map(r -> get(r.id())).toList();
    }

    @GET
    @Path("{id}")
    public ZoneJson.Zone get(@PathParam("id") int id) {
        return ZoneJson.Zone.of(zones.form(id).orElseThrow(() -> ApiError.notFound("No zone " + id)));
    }

    /** Creates a zone from the defaults and what the body names; a missing port gets the type's default. */
    @POST
    public Response create(InputStream in) {
        ZoneForm form = zones.newForm();
        form.setPort(null);
        read(in, form);
        int id = zones.save(form);
        return Response.status(Response.Status.CREATED).entity(get(id)).build();
    }

    /** Changes what the body names, keeps the rest. */
    @PUT
    @Path("{id}")
    public ZoneJson.Zone update(@PathParam("id") int id, InputStream in) {
        ZoneForm form = zones.form(id).orElseThrow(() -> ApiError.notFound("No zone " + id));
        read(in, form);
        zones.save(form);
        return get(id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") int id) {
        zones.form(id).orElseThrow(() -> ApiError.notFound("No zone " + id));
        zones.delete(List.of(id));
        return Response.noContent().build();
    }

    /** The type first: choosing the UC traversal type sets its forced values, which the body may then contradict. */
    private static void read(InputStream in, ZoneForm form) {
        JsonBody body = JsonBody.read(in)
                .enumeration("type", form.getType(), form::setType)
                .string("name", form::setName)
                .integer("hopCount", form::setHopCount)
                .bool("sipEnabled", form::setSipEnabled)
                .enumeration("transport", form.getTransport(), form::setTransport)
                .nullableInteger("port", form::setPort)
                .stringList("peers", 6, form::setPeers)
                .bool("tlsVerify", form::setTlsVerify)
                .string("tlsVerifySubjectName", form::setTlsVerifySubjectName)
                .string("username", form::setUsername)
                .string("password", form::setPassword)
                .enumeration("authenticationPolicy", form.getAuthenticationPolicy(), form::setAuthenticationPolicy)
                .enumeration("mediaEncryption", form.getMediaEncryption(), form::setMediaEncryption)
                .bool("iceSupport", form::setIceSupport)
                .bool("icePassthrough", form::setIcePassthrough)
                .integer("keepAliveSeconds", form::setKeepAliveSeconds)
                .ignore("id", "passwordSet");
        body.finish();
    }
}
