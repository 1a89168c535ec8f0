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
import org.edgeway.services.dialplan.SearchRuleForm;
import org.edgeway.services.dialplan.SearchRules;

/** Configuration &gt; Dial plan &gt; Search rules over the API (in priority order), with the console's validation. */
@Path("/configuration/dial-plan/search-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SearchRulesResource {

    @Inject
    private SearchRules rules;

    @GET
    public List<SipJson.SearchRule> list() {
        return rules.list().stream().map(SipJson.SearchRule::of).toList();
    }

    @GET
    @Path("{id}")
    public SipJson.SearchRule get(@PathParam("id") long id) {
        return rules.view(id).map(SipJson.SearchRule::of).orElseThrow(() -> ApiError.notFound("No search rule " + id));
    }

    /** Fields the body leaves out take the page's defaults. */
    @POST
    public Response create(InputStream in) {
        SearchRuleForm form = new SearchRuleForm();
        read(in, form);
        long id = rules.save(form);
        return Response.status(Response.Status.CREATED).entity(get(id)).build();
    }

    /** Changes what the body names (enable or disable with {@code {"enabled":false}}). */
    @PUT
    @Path("{id}")
    public SipJson.SearchRule update(@PathParam("id") long id, InputStream in) {
        SearchRuleForm form = rules.form(id).orElseThrow(() -> ApiError.notFound("No search rule " + id));
        read(in, form);
        rules.save(form);
        return get(id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        rules.form(id).orElseThrow(() -> ApiError.notFound("No search rule " + id));
        rules.delete(List.of(id));
        return Response.noContent().build();
    }

    private static void read(InputStream in, SearchRuleForm form) {
        JsonBody.read(in)
                .string("name", form::setName)
                .string("description", form::setDescription)
                .integer("priority", form::setPriority)
                .enumeration("protocol", form.getProtocol(), form::setProtocol)
                .string("sourceZone", form::setSourceZone)
                .bool("requireAuthenticated", form::setRequireAuthenticated)
                .enumeration("mode", form.getMode(), form::setMode)
                .enumeration("patternType", form.getPatternType(), form::setPatternType)
                .string("pattern", form::setPattern)
                .enumeration("behavior", form.getBehavior(), form::setBehavior)
                .string("replaceString", form::setReplaceString)
                .enumeration("onMatch", form.getOnMatch(), form::setOnMatch)
                .string("targetZone", form::setTargetZone)
                .bool("enabled", form::setEnabled)
                .ignore("id")
                .finish();
    }
}
