package org.edgeway.it;

/** Console steps several browser tests share. */
public final class Console {

    private Console() {
    }

    /** First login of a fresh node: one-time password from the server log, then the forced change. */
    public static void firstLogin(Browser browser, ServerNode node, String newPassword) throws Exception {
        String oneTime = node.oneTimePassword();
        login(browser, node, "admin", oneTime);
        browser.waitForUrlContaining("/change-password");
        browser.type("changePasswordForm:currentPassword", oneTime);
        browser.type("changePasswordForm:newPassword", newPassword);
        browser.type("changePasswordForm:confirmPassword", newPassword);
        browser.click("changePasswordForm:change");
        browser.waitForUrlContaining("/status/overview");
    }

    public static void login(Browser browser, ServerNode node, String user, String password) {
        browser.open(node.baseUrl() + "/login");
        browser.type("loginForm:username", user);
        browser.type("loginForm:password", password);
        browser.click("loginForm:login");
    }

    /** Logs out with the header's button (logout is a POST). */
    public static void logout(Browser browser, ServerNode node) {
        browser.open(node.baseUrl() + "/status/overview");
        browser.click("logoutLink");
        browser.waitForUrlContaining("/login");
    }

    /** Users > Administrator accounts > New, as an administrator with read-write access. */
    public static void createAccount(Browser browser, ServerNode node, String name, String accessLevel,
            String password) {
        browser.open(node.baseUrl() + "/users/administrator-accounts");
        browser.click("accountsForm:new");
        browser.waitForUrlContaining("/users/editadmin");
        browser.type("adminForm:name", name);
        select(browser, "adminForm:accessLevel", accessLevel);
        browser.type("adminForm:password", password);
        browser.type("adminForm:confirmPassword", password);
        browser.click("adminForm:save");
        browser.waitForUrlContaining("/users/administrator-accounts");
        browser.waitForText("accountsForm:accounts", name);
    }

    public static void select(Browser browser, String id, String visibleText) {
        new org.openqa.selenium.support.ui.Select(browser.find(id)).selectByVisibleText(visibleText);
    }
}
