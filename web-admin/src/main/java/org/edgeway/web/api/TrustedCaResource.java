package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.edgeway.services.certificates.CertificateView;
import org.edgeway.services.certificates.TrustedCertificates;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Maintenance &gt; Security &gt; Trusted CA certificate over the API: list, upload (one or many PEM certificates,
 * as {@code {"pem":"..."}} or as an {@code application/x-pem-file} body; all or none), delete.
 */
@Path("/maintenance/trusted-ca-certificates")
@Produces(MediaType.APPLICATION_JSON)
public class TrustedCaResource {

    static final String PEM_TYPE = "application/x-pem-file";
    /** Larger than any sensible CA bundle; bounds what one request may make the server parse. */
    static final int MAX_PEM_BYTES = 1 << 20;

    /** A trusted certificate as the API shows it. */
    public record Certificate(long id, String subject, String issuer, Instant notBefore, Instant notAfter,
            String fingerprint) {
        static Certificate of(CertificateView v) {
            return new Certificate(v.id(), v.subject(), v.issuer(), v.notBefore(), v.notAfter(), v.fingerprint());
        }
    }

    @Inject
    private TrustedCertificates certificates;

    @GET
    public List<Certificate> list() {
        return certificates.list().stream().map(Certificate::of).toList();
    }

    @GET
    @Path("{id}")
    public Certificate get(@PathParam("id") long id) {
        return certificates.list().stream().filter(c -> c.id() == id).findFirst().map(Certificate::of)
                .orElseThrow(() -> ApiError.notFound("No trusted CA certificate " + id));
    }

    /** Returns the certificates added (201). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response uploadJson(InputStream in) {
        String[] pem = new String[1];
        JsonBody.read(in).string("pem", v -> pem[0] = v).finish();
        return added(certificates.upload(pem[0]));
    }

    @POST
    @Consumes(PEM_TYPE)
    public Response uploadPem(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_PEM_BYTES + 1);
        if (bytes.length > MAX_PEM_BYTES) {
            throw new InvalidSettingsException(Map.of("pem", "is larger than " + MAX_PEM_BYTES + " bytes"));
        }
        return added(certificates.upload(new String(bytes, StandardCharsets.US_ASCII)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        get(id);
        certificates.delete(List.of(id));
        return Response.noContent().build();
    }

    private Response added(List<Long> ids) {
        return Response.status(Response.Status.CREATED).entity(ids.stream().map(this::get).toList()).build();
    }
}
