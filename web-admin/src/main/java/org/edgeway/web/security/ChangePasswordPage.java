package org.edgeway.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import org.edgeway.services.security.AdminAccounts;
import org.edgeway.services.security.PasswordPolicy;
import org.edgeway.web.faces.RedirectBanner;
import org.edgeway.web.faces.SaveAction;

/** Change password: forced at first login of an account, and available to every administrator. */
@Named
@RequestScoped
public class ChangePasswordPage {

    @Inject
    private AdminAccounts accounts;
    @Inject
    private AdminSession session;
    @Inject
    private SaveAction save;

    @NotBlank
    private String currentPassword;
    @NotBlank
    private String newPassword;
    @NotBlank
    private String confirmPassword;

    public void change() throws IOException {
        boolean ok = save.run("changePasswordForm", null, () -> session.passwordChanged(
                accounts.changeOwnPassword(currentPassword, newPassword, confirmPassword)));
        if (ok) {
            RedirectBanner.redirectTo("/status/overview", "Password changed");
        }
    }

    public boolean isForced() {
        return session.isMustChangePassword();
    }

    public String getPolicy() {
        return "At least " + PasswordPolicy.MIN_LENGTH + " characters, mixing at least two of lower case, upper case,"
                + " digits and symbols.";
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
