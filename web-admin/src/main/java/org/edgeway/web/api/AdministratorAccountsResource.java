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
import java.time.Instant;
import java.util.List;
import org.edgeway.services.security.AdminAccountForm;
import org.edgeway.services.security.AdminAccountView;
import org.edgeway.services.security.AdminAccounts;

/**
 * Users &gt; Administrator accounts over the API, with the console's rules (password policy, unique names, the last
 * enabled read-write account keeps its access, no deleting one's own account). Passwords are write-only.
 */
@Path("/users/administrator-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdministratorAccountsResource {

    /** An account as the API shows it: never its password. */
    public record Account(long id, String name, String accessLevel, boolean enabled, boolean mustChangePassword,
            Instant createdAt, Instant lastLoginAt) {
        static Account of(AdminAccountView v) {
            return new Account(v.id(), v.name(), v.accessLevel().name(), v.enabled(), v.mustChangePassword(),
                    v.createdAt(), v.lastLoginAt());
        }
    }

    @Inject
    private AdminAccounts accounts;

    @GET
    public List<Account> list() {
        return accounts.list().stream().map(Account::of).toList();
    }

    @GET
    @Path("{id}")
    public Account get(@PathParam("id") long id) {
        return accounts.list().stream().filter(a -> a.id() == id).findFirst().map(Account::of)
                .orElseThrow(() -> ApiError.notFound("No administrator account " + id));
    }

    /** Creates an account; {@code name} and {@code password} are required. */
    @POST
    public Response create(InputStream in) {
        AdminAccountForm form = new AdminAccountForm();
        read(in, form);
        long id = accounts.save(form);
        return Response.status(Response.Status.CREATED).entity(get(id)).build();
    }

    /** Changes what the body names; no password keeps the stored one. */
    @PUT
    @Path("{id}")
    public Account update(@PathParam("id") long id, InputStream in) {
        AdminAccountForm form = accounts.form(id)
                .orElseThrow(() -> ApiError.notFound("No administrator account " + id));
        read(in, form);
        accounts.save(form);
        return get(id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        accounts.form(id).orElseThrow(() -> ApiError.notFound("No administrator account " + id));
        accounts.delete(List.of(id));
        return Response.noContent().build();
    }

    private static void read(InputStream in, AdminAccountForm form) {
        JsonBody.read(in)
                .string("name", form::setName)
                .enumeration("accessLevel", form.getAccessLevel(), form::setAccessLevel)
                .bool("enabled", form::setEnabled)
                // the API has no second field to retype into: the password confirms itself
                .string("password", p -> {
                    form.setPassword(p);
                    form.setConfirmPassword(p);
                })
                .ignore("id", "mustChangePassword", "createdAt", "lastLoginAt")
                .finish();
    }
}
