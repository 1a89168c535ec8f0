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
import org.edgeway.services.domains.DomainForm;
import org.edgeway.services.domains.Domains;

/** Configuration &gt; Domains over the API, with the console's validation. */
@Path("/configuration/domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DomainsResource {

    @Inject
    private Domains domains;

    @GET
    public List<SipJson.Domain> list() {
        return domains.list().stream().map(SipJson.Domain::of).toList();
    }

    @GET
    @Path("{id}")
    public SipJson.Domain get(@PathParam("id") long id) {
        return domains.list().stream().filter(d -> d.id() == id).findFirst().map(SipJson.Domain::of)
                .orElseThrow(() -> ApiError.notFound("No domain " + id));
    }

    /** Fields the body leaves out take the seed's defaults. */
    @POST
    public Response create(InputStream in) {
        DomainForm form = new DomainForm();
        read(in, form);
        long id = domains.save(form);
        return Response.status(Response.Status.CREATED).entity(get(id)).build();
    }

    /** Changes what the body names. */
    @PUT
    @Path("{id}")
    public SipJson.Domain update(@PathParam("id") long id, InputStream in) {
        DomainForm form = domains.form(id).orElseThrow(() -> ApiError.notFound("No domain " + id));
        read(in, form);
        domains.save(form);
        return get(id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        domains.form(id).orElseThrow(() -> ApiError.notFound("No domain " + id));
        domains.delete(List.of(id));
        return Response.noContent().build();
    }

    private static void read(InputStream in, DomainForm form) {
        JsonBody.read(in)
                .string("name", form::setName)
                .bool("sipRegistrations", form::setSipRegistrations)
                .bool("sipOnUcm", form::setSipOnUcm)
                .bool("imAndPresence", form::setImAndPresence)
                .bool("xmppFederation", form::setXmppFederation)
                .ignore("id")
                .finish();
    }
}
