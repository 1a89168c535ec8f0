package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.edgeway.services.turn.TurnSettingsForm;
import org.edgeway.services.turn.TurnSettingsService;

/** Configuration &gt; Traversal &gt; TURN over the API, with the console's validation (status: StatusResource). */
@Path("/configuration/traversal/turn")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TurnResource {

    @Inject
    private TurnSettingsService settings;

    @GET
    public TurnJson.Settings get() {
        return TurnJson.Settings.of(settings.form());
    }

    /**
     * Changes the fields the body names, keeps the others. {@code sharedSecret} is write-only: absent or null keeps
     * the stored one, {@code clearSharedSecret:true} removes it.
     */
    @PUT
    public TurnJson.Settings put(InputStream in) {
        TurnSettingsForm form = settings.form();
        JsonBody body = JsonBody.read(in)
                .bool("enabled", form::setEnabled)
                .bool("tcp443Enabled", form::setTcp443Enabled)
                .bool("portMultiplexing", form::setPortMultiplexing)
                .integer("requestsPort", form::setRequestsPort)
                .integer("requestsPortRangeStart", form::setRequestsPortRangeStart)
                .integer("requestsPortRangeEnd", form::setRequestsPortRangeEnd)
                .enumeration("protocolMode", form.getProtocolMode(), form::setProtocolMode)
                .bool("delegatedCredentialChecking", form::setDelegatedCredentialChecking)
                .string("realm", form::setRealm)
                .integer("mediaPortRangeStart", form::setMediaPortRangeStart)
                .integer("mediaPortRangeEnd", form::setMediaPortRangeEnd)
                .bool("allowUnauthenticatedStunBinding", form::setAllowUnauthenticatedStunBinding)
                .string("peerAllow", form::setPeerAllow)
                .string("peerDeny", form::setPeerDeny)
                .string("sharedSecret", form::setSharedSecret)
                .bool("clearSharedSecret", form::setClearSharedSecret)
                .integer("unauthorizedPerSecond", form::setUnauthorizedPerSecond)
                .bool("tlsEnabled", form::setTlsEnabled)
                .integer("tlsPort", form::setTlsPort)
                .ignore("sharedSecretSet");
        body.finish();
        settings.save(form);
        return get();
    }
}
