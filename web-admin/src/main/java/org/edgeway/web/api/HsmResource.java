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
import org.edgeway.services.hsm.HsmConfiguration;
import org.edgeway.services.hsm.HsmMode;
import org.edgeway.services.hsm.HsmModuleForm;
import org.edgeway.services.hsm.HsmModuleView;
import org.edgeway.services.hsm.HsmSettingsForm;
import org.edgeway.services.hsm.HsmSettingsView;
import org.edgeway.services.hsm.HsmStatus;

/**
 * Maintenance &gt; Security &gt; HSM configuration over the API: the settings and mode ({@code PUT} saves the settings
 * it names, then sets {@code mode} when named, as Save Configuration then Set Mode), the nShield modules
 * ({@code /modules}), and the HSM Status check ({@code status}, null while the mode is Off). The PIN is write-only.
 */
@Path("/maintenance/security/hsm")
@Produces(MediaType.APPLICATION_JSON)
public class HsmResource {

    /** The page as the API shows it. */
    public record State(HsmMode mode, String rfsAddress, int rfsPort, String library, Long slot, boolean pinSet,
            List<HsmModuleView> modules, HsmStatus status) {
    }

    @Inject
    private HsmConfiguration hsm;

    @GET
    public State get() {
        HsmSettingsView s = hsm.settings();
        return new State(s.mode(), s.rfsAddress(), s.rfsPort(), s.library(), s.slot(), s.pinSet(), hsm.modules(),
                hsm.status().orElse(null));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public State put(InputStream in) {
        HsmSettingsForm form = hsm.form();
        HsmMode[] mode = {null};
        JsonBody body = JsonBody.read(in);
        boolean settingsNamed = List.of("rfsAddress", "rfsPort", "library", "slot", "pin").stream().anyMatch(body::has);
        body.string("rfsAddress", form::setRfsAddress)
                .integer("rfsPort", form::setRfsPort)
                .string("library", form::setLibrary)
                .wholeNumberText("slot", form::setSlot)
                .string("pin", form::setPin)
                .enumeration("mode", HsmMode.OFF, m -> mode[0] = m)
                .finish();
        if (settingsNamed) {
            hsm.saveSettings(form);
        }
        if (mode[0] != null) {
            hsm.setMode(mode[0]);
        }
        return get();
    }

    @GET
    @Path("modules")
    public List<HsmModuleView> modules() {
        return hsm.modules();
    }

    @POST
    @Path("modules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addModule(InputStream in) {
        HsmModuleForm form = new HsmModuleForm();
        JsonBody.read(in).string("address", form::setAddress)
                .nullableInteger("port", form::setPort)
                .string("esn", form::setEsn)
                .string("kneti", form::setKneti)
                .finish();
        long id = hsm.addModule(form);
        return Response.status(Response.Status.CREATED).entity(module(id)).build();
    }

    @DELETE
    @Path("modules/{id}")
    public Response deleteModule(@PathParam("id") long id) {
        module(id);
        hsm.deleteModules(List.of(id));
        return Response.noContent().build();
    }

    private HsmModuleView module(long id) {
        return hsm.modules().stream().filter(m -> m.id() == id).findFirst()
                .orElseThrow(() -> ApiError.notFound("No HSM module " + id));
    }
}
