package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.edgeway.services.certificates.CsrForm;
import org.edgeway.services.certificates.ServerCertificateView;
import org.edgeway.services.certificates.ServerCertificates;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Maintenance &gt; Security &gt; Server certificate over the API: the certificate in use and the one waiting for the
 * restart, Generate CSR ({@code POST /csr}, the fields of the page), the pending request ({@code GET /csr} as PEM,
 * {@code DELETE /csr}), and the upload of the signed certificate (PEM body or {@code {"pem":"..."}}).
 */
@Path("/maintenance/server-certificate")
@Produces(MediaType.APPLICATION_JSON)
public class ServerCertificateResource {

    static final String PKCS10_TYPE = "application/pkcs10";

    /** A certificate as the API shows it. */
    public record Certificate(String subject, String issuer, List<String> alternativeNames, Instant notBefore,
            Instant notAfter, String serialNumber, String key, String signatureAlgorithm,
            List<String> extendedKeyUsages, String sha1Fingerprint, String sha256Fingerprint, String pem) {
        static Certificate of(ServerCertificateView v) {
            return v == null ? null : new Certificate(v.subject(), v.issuer(), v.alternativeNames(), v.notBefore(),
                    v.notAfter(), v.serialNumber(), v.key(), v.signatureAlgorithm(), v.extendedKeyUsages(),
                    v.sha1Fingerprint(), v.sha256Fingerprint(), v.pem());
        }
    }

    /** The page as a whole. */
    public record State(Certificate inUse, Certificate waitingForRestart, boolean certificateSigningRequestPending) {
    }

    /** A generated request. */
    public record Request(String pem) {
    }

    @Inject
    private ServerCertificates certificates;

    @GET
    public State get() {
        return new State(Certificate.of(certificates.inUse()),
                Certificate.of(certificates.waitingForRestart().orElse(null)),
                certificates.pendingRequest().isPresent());
    }

    @POST
    @Path("csr")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response generate(InputStream in) {
        CsrForm form = certificates.newRequestForm();
        JsonBody body = JsonBody.read(in);
        for (String field : List.of("phoneSecurityProfileNames", "registrationsDomains", "registrationsDomainsFormat",
                "xmppFederationDomains", "xmppFederationDomainsFormat")) {
            if (body.has(field) && !certificates.applies(field)) {
                throw new InvalidSettingsException(Map.of(field, "does not apply to this node's role"));
            }
        }
        body.string("commonName", form::setCommonName)
                .bool("includeFqdn", form::setIncludeFqdn)
                .string("additionalAlternativeNames", form::setAdditionalAlternativeNames)
                .string("chatNodeAliases", form::setChatNodeAliases)
                .enumeration("chatNodeAliasesFormat", form.getChatNodeAliasesFormat(), form::setChatNodeAliasesFormat)
                .string("phoneSecurityProfileNames", form::setPhoneSecurityProfileNames)
                .string("registrationsDomains", form::setRegistrationsDomains)
                .enumeration("registrationsDomainsFormat", form.getRegistrationsDomainsFormat(),
                        form::setRegistrationsDomainsFormat)
                .string("xmppFederationDomains", form::setXmppFederationDomains)
                .enumeration("xmppFederationDomainsFormat", form.getXmppFederationDomainsFormat(),
                        form::setXmppFederationDomainsFormat)
                .integer("keyLength", form::setKeyLength)
                .string("digestAlgorithm", form::setDigestAlgorithm)
                .string("country", form::setCountry)
                .string("stateOrProvince", form::setStateOrProvince)
                .string("locality", form::setLocality)
                .string("organization", form::setOrganization)
                .string("organizationalUnit", form::setOrganizationalUnit)
                .string("emailAddress", form::setEmailAddress)
                .finish();
        return Response.status(Response.Status.CREATED).entity(new Request(certificates.generateRequest(form)))
                .build();
    }

    @GET
    @Path("csr")
    @Produces(PKCS10_TYPE)
    public String request() {
        return certificates.pendingRequest()
                .orElseThrow(() -> ApiError.notFound("No certificate signing request is pending"));
    }

    @DELETE
    @Path("csr")
    public Response discard() {
        request();
        certificates.discardRequest();
        return Response.noContent().build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Certificate uploadJson(InputStream in) {
        String[] pem = new String[1];
        JsonBody.read(in).string("pem", v -> pem[0] = v).finish();
        return Certificate.of(certificates.upload(pem[0]));
    }

    @POST
    @Consumes(TrustedCaResource.PEM_TYPE)
    public Certificate uploadPem(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(TrustedCaResource.MAX_PEM_BYTES + 1);
        if (bytes.length > TrustedCaResource.MAX_PEM_BYTES) {
            throw new InvalidSettingsException(Map.of("pem", "is larger than " + TrustedCaResource.MAX_PEM_BYTES
                    + " bytes"));
        }
        return Certificate.of(certificates.upload(new String(bytes, StandardCharsets.US_ASCII)));
    }
}
