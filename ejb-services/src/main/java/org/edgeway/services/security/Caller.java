package org.edgeway.services.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is making the current request. The console's login filter and the REST API's authentication filter set
 * it; services read it to refuse writes from read-only accounts and to sign the configuration log. A request
 * nobody identified has no caller and may not change anything.
 */
@RequestScoped
public class Caller {

    public static final String SYSTEM = "system";

    private String name;
    private AccessLevel accessLevel;
    private String source = "web";

    public void identify(String name, AccessLevel accessLevel, String source) {
        this.name = name;
        this.accessLevel = accessLevel;
        this.source = source;
    }

    /** For changes the product makes itself (first start, engine reports). */
    public void identifyAsSystem() {
        identify(SYSTEM, AccessLevel.READ_WRITE, SYSTEM);
    }

    public boolean isIdentified() {
        return name != null;
    }

    public String name() {
        return name == null ? "anonymous" : name;
    }

    public String source() {
        return source;
    }

    public boolean canWrite() {
        return accessLevel == AccessLevel.READ_WRITE;
    }

    /** Throws unless the caller is logged in with read-write access. */
    public void requireWrite() {
        if (!isIdentified()) {
            throw new AccessDeniedException("Not logged in");
        }
        if (!canWrite()) {
            throw new AccessDeniedException("Your account (" + name + ") has read-only access");
        }
    }
}
