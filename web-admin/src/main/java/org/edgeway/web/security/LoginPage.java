package org.edgeway.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.util.Optional;
import org.edgeway.services.security.AdminAccounts;
import org.edgeway.services.security.AdminIdentity;
import org.edgeway.services.security.LoginBlockedException;
import org.edgeway.services.system.SystemSettingsService;

/** The login page. */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    private AdminAccounts accounts;
    @Inject
    private SystemSettingsService settings;
    @Inject
    private AdminSession session;

    @NotBlank
    private String username;
    @NotBlank
    private String password;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Optional<AdminIdentity> who;
        try {
            who = accounts.authenticate(username, password.toCharArray(), request.getRemoteAddr());
        } catch (LoginBlockedException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Login refused: "
                    + e.getMessage() + " (automated protection blocks this address or account)", null));
            return;
        }
        if (who.isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Login failed: the user name or password is incorrect", null));
            return;
        }
        request.changeSessionId(); // no session fixation
        request.getSession().setMaxInactiveInterval(settings.sessionTimeoutMinutes() * 60);
        session.loggedIn(who.get());
        external.redirect(external.getRequestContextPath()
                + (who.get().mustChangePassword() ? LoginFilter.CHANGE_PASSWORD : "/status/overview"));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
