package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.edgeway.services.sip.SipSettingsForm;
import org.edgeway.services.sip.SipSettingsService;

/** Configuration &gt; Protocols &gt; SIP over the API, with the console's validation (status: StatusResource). */
@Path("/configuration/sip")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SipResource {

    @Inject
    private SipSettingsService settings;

    @GET
    public SipJson.Settings get() {
        return SipJson.Settings.of(settings.form());
    }

    /** Changes the fields the body names, keeps the others. */
    @PUT
    public SipJson.Settings put(InputStream in) {
        SipSettingsForm form = settings.form();
        JsonBody.read(in)
                .bool("enabled", form::setEnabled)
                .bool("udpEnabled", form::setUdpEnabled)
                .integer("udpPort", form::setUdpPort)
                .bool("tcpEnabled", form::setTcpEnabled)
                .integer("tcpPort", form::setTcpPort)
                .bool("tlsEnabled", form::setTlsEnabled)
                .integer("tlsPort", form::setTlsPort)
                .integer("tlsHandshakeTimeout", form::setTlsHandshakeTimeout)
                .integer("registrationMinimum", form::setRegistrationMinimum)
                .integer("registrationMaximum", form::setRegistrationMaximum)
                .enumeration("digestAlgorithms", form.getDigestAlgorithms(), form::setDigestAlgorithms)
                .finish();
        settings.save(form);
        return get();
    }
}
