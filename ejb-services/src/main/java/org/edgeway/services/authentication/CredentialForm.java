package org.edgeway.services.authentication;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** New / edit local database credential. On edit an empty password keeps the stored one. */
public class CredentialForm implements Serializable {

    private Long id;
    @NotBlank
    @Size(max = 128, message = "must be at most 128 characters")
    // ':' separates expiry and user in time-limited TURN user names; control characters break STUN USERNAME
    @Pattern(regexp = "[^:\\p{Cntrl}\\s]*", message = "may not contain ':', spaces or control characters")
    private String name;
    @Size(max = 128, message = "must be at most 128 characters")
    private String password;

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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null || password.isEmpty() ? null : password;
    }
}
