package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.edgeway.services.backup.BackupRestore;
import org.edgeway.services.backup.RestoreResult;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Maintenance &gt; Backup and restore over the API. {@code POST /backup} with {@code {"passPhrase":"..."}} answers the
 * encrypted backup file; {@code POST /restore} takes the file as an {@code application/octet-stream} body with the
 * pass phrase in the {@value #PASS_PHRASE_HEADER} header (a header, so it never lands in an access log's URL) and
 * answers what was restored. Refusals are 400s naming {@code file} or {@code passPhrase}.
 */
@Path("/maintenance")
public class BackupResource {

    public static final String PASS_PHRASE_HEADER = "Edgeway-Pass-Phrase";
    static final String FILE_TYPE = "application/octet-stream";

    @Inject
    private BackupRestore backupRestore;

    @POST
    @Path("backup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({FILE_TYPE, MediaType.APPLICATION_JSON})
    public Response backup(InputStream in) {
        String[] passPhrase = new String[1];
        JsonBody.read(in).string("passPhrase", v -> passPhrase[0] = v).finish();
        byte[] file = backupRestore.create(passPhrase[0]);
        return Response.ok(file, FILE_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + BackupRestore.fileName() + "\"").build();
    }

    @POST
    @Path("restore")
    @Consumes(FILE_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    public RestoreResult restore(InputStream in, @HeaderParam(PASS_PHRASE_HEADER) String passPhrase)
            throws IOException {
        byte[] file = in.readNBytes(BackupRestore.MAX_BYTES + 1);
        if (file.length > BackupRestore.MAX_BYTES) {
            throw new InvalidSettingsException(Map.of("file", "The backup file is larger than "
                    + (BackupRestore.MAX_BYTES >> 20) + " MiB: not a backup of this product"));
        }
        return backupRestore.restore(file, passPhrase);
    }
}
