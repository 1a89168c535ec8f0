package org.edgeway.services.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** New / edit administrator account. The password is only set when given (edit keeps the old one otherwise). */
public class AdminAccountForm implements Serializable {

    private Long id;
    @NotBlank
    @Size(max = 64, message = "must be at most 64 characters")
    @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "may only contain letters, digits and . _ @ -")
    private String name;
    @NotNull
    private AccessLevel accessLevel = AccessLevel.READ_WRITE;
    private boolean enabled = true;
    private String password;
    private String confirmPassword;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public AccessLevel getAccessLevel() {
        return accessLevel;
    }

    public void setAccessLevel(AccessLevel accessLevel) {
        this.accessLevel = accessLevel;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null || password.isEmpty() ? null : password;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword == null || confirmPassword.isEmpty() ? null : confirmPassword;
    }
}
