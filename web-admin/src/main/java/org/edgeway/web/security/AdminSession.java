package org.edgeway.web.security;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.edgeway.services.security.AccessLevel;
import org.edgeway.services.security.AdminIdentity;

/** The logged-in administrator of this HTTP session. */
@Named
@SessionScoped
public class AdminSession implements Serializable {

    private AdminIdentity identity;

    public void loggedIn(AdminIdentity who) {
        identity = who;
    }

    public void passwordChanged(AdminIdentity who) {
        identity = who;
    }

    /** The account as it is now (name and access level may have changed since login). */
    public void refresh(AdminIdentity who) {
        identity = who;
    }

    public boolean isLoggedIn() {
        return identity != null;
    }

    public AdminIdentity identity() {
        return identity;
    }

    public String getName() {
        return identity == null ? null : identity.name();
    }

    public boolean isReadOnly() {
        return identity == null || identity.accessLevel() != AccessLevel.READ_WRITE;
    }

    public boolean isMustChangePassword() {
        return identity != null && identity.mustChangePassword();
    }
}
