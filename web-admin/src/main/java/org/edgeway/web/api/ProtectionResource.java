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
import org.edgeway.services.protection.AutomatedProtection;
import org.edgeway.services.protection.CategoryForm;
import org.edgeway.services.protection.ExemptionForm;

/** System &gt; Protection &gt; Automated detection over the API, with the console's validation. */
@Path("/system/protection")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProtectionResource {

    /** More categories than exist cannot be named by one exemption. */
    private static final int MAX_CATEGORIES = 64;

    @Inject
    private AutomatedProtection protection;

    @GET
    @Path("status")
    public List<ProtectionJson.Status> status() {
        return protection.overview().stream().map(ProtectionJson.Status::of).toList();
    }

    @GET
    @Path("categories")
    public List<ProtectionJson.Category> categories() {
        return protection.categories().stream().map(ProtectionJson.Category::of).toList();
    }

    @GET
    @Path("categories/{id}")
    public ProtectionJson.Category category(@PathParam("id") String id) {
        return protection.category(id).map(ProtectionJson.Category::of)
                .orElseThrow(() -> ApiError.notFound("No category " + id));
    }

    /** Changes what the body names: state ("On"/"Off"), description, triggerLevel, detectionWindow, blockDuration. */
    @PUT
    @Path("categories/{id}")
    public ProtectionJson.Category updateCategory(@PathParam("id") String id, InputStream in) {
        CategoryForm form = protection.categoryForm(id).orElseThrow(() -> ApiError.notFound("No category " + id));
        JsonBody body = JsonBody.read(in);
        body.string("state", s -> {
                    if ("On".equals(s) || "Off".equals(s)) {
                        form.setEnabled("On".equals(s));
                    } else {
                        body.reject("state", "must be \"On\" or \"Off\"");
                    }
                })
                .string("description", form::setDescription)
                .integer("triggerLevel", form::setTriggerLevel)
                .integer("detectionWindow", form::setDetectionWindow)
                .integer("blockDuration", form::setBlockDuration)
                .ignore("id", "name")
                .finish();
        protection.saveCategory(form);
        return category(id);
    }

    @GET
    @Path("exemptions")
    public List<ProtectionJson.Exemption> exemptions() {
        return protection.exemptions().stream().map(ProtectionJson.Exemption::of).toList();
    }

    @GET
    @Path("exemptions/{id}")
    public ProtectionJson.Exemption exemption(@PathParam("id") long id) {
        return protection.exemption(id).map(ProtectionJson.Exemption::of)
                .orElseThrow(() -> ApiError.notFound("No exemption " + id));
    }

    @POST
    @Path("exemptions")
    public Response createExemption(InputStream in) {
        ExemptionForm form = new ExemptionForm();
        readExemption(in, form);
        long id = protection.saveExemption(form);
        return Response.status(Response.Status.CREATED).entity(exemption(id)).build();
    }

    @PUT
    @Path("exemptions/{id}")
    public ProtectionJson.Exemption updateExemption(@PathParam("id") long id, InputStream in) {
        ExemptionForm form = protection.exemptionForm(id).orElseThrow(() -> ApiError.notFound("No exemption " + id));
        readExemption(in, form);
        protection.saveExemption(form);
        return exemption(id);
    }

    @DELETE
    @Path("exemptions/{id}")
    public Response deleteExemption(@PathParam("id") long id) {
        protection.exemption(id).orElseThrow(() -> ApiError.notFound("No exemption " + id));
        protection.deleteExemptions(List.of(id));
        return Response.noContent().build();
    }

    @GET
    @Path("blocked")
    public List<ProtectionJson.BlockedAddress> blocked() {
        return protection.blocked().stream().map(ProtectionJson.BlockedAddress::of).toList();
    }

    /** Unblock. */
    @DELETE
    @Path("blocked/{id}")
    public Response unblock(@PathParam("id") long id) {
        protection.block(id).orElseThrow(() -> ApiError.notFound("No blocked address " + id));
        protection.unblock(List.of(id));
        return Response.noContent().build();
    }

    private static void readExemption(InputStream in, ExemptionForm form) {
        JsonBody.read(in)
                .string("address", form::setAddress)
                .nullableInteger("prefixLength", form::setPrefixLength)
                .stringList("categories", MAX_CATEGORIES, form::setCategories)
                .ignore("id")
                .finish();
    }
}
