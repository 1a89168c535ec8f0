package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.edgeway.services.system.AdministrationSettings;
import org.edgeway.services.system.DnsSettings;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.services.system.TimeSettings;

/** System menu settings over the API; the same services and validation as the console pages. */
@Path("/system")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SystemResource {

    @Inject
    private SystemSettingsService settings;

    @GET
    @Path("/dns")
    public DnsSettings dns() {
        return settings.dns();
    }

    @PUT
    @Path("/dns")
    public DnsSettings saveDns(DnsSettings form) {
        settings.saveDns(required(form));
        return settings.dns();
    }

    @GET
    @Path("/time")
    public TimeSettings time() {
        return settings.time();
    }

    @GET
    @Path("/administration")
    public AdministrationSettings administration() {
        return settings.administration();
    }

    @PUT
    @Path("/administration")
    public AdministrationSettings saveAdministration(AdministrationSettings form) {
        settings.saveAdministration(required(form));
        return settings.administration();
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException("A JSON body is required");
        }
        return body;
    }
}
