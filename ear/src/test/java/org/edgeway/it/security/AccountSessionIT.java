package org.edgeway.it.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * Issue 9 finding 2: a console session outlived its account (a deleted account saved System > DNS). An
 * administrator changes the account in one browser; the account's open session in a second browser follows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountSessionIT {

    private static final String ADMIN_PASSWORD = "Adm1n-Sessions!";
    private static final String PASSWORD = "Operat0r-Pass!";
    private ServerNode node;
    private Browser admin;
    private Browser other;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("account-session", 30, "--role", "E").fresh().start();
        admin = new Browser();
        other = new Browser();
        Console.firstLogin(admin, node, ADMIN_PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {other, admin, node}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void madeReadOnlyTheOpenSessionBecomesReadOnly() {
        createAccount("operator1");
        loginOther("operator1");
        other.open(node.baseUrl() + "/system/dns");
        assertTrue(other.find("dnsForm:save").isEnabled(), "read-write to begin with");

        edit("operator1");
        Console.select(admin, "adminForm:accessLevel", "Read-only");
        saveEdit();

        other.open(node.baseUrl() + "/system/dns");
        assertTrue(other.exists("readOnlyNote"), "the open session follows the new access level");
        assertFalse(other.find("dnsForm:save").isEnabled());
    }

    @Test
    void disabledTheOpenSessionEnds() {
        createAccount("operator2");
        loginOther("operator2");
        ApiClient api = apiCallsRemembered("operator2", PASSWORD);
        edit("operator2");
        Console.select(admin, "adminForm:enabled", "Disabled");
        saveEdit();

        api.get("/system/administration").expect(401); // the API's remembered credentials follow too

        other.open(node.baseUrl() + "/system/dns");
        other.waitForUrlContaining("/login");
        other.find("loginForm:username");
    }

    @Test
    void deletedTheOpenSessionCannotSave() {
        createAccount("operator3");
        loginOther("operator3");
        other.open(node.baseUrl() + "/system/dns");
        other.type("dnsForm:hostName", "deletedwashere");

        admin.open(node.baseUrl() + "/users/administrator-accounts");
        admin.driver().findElement(By.xpath("//tr[.//a[text()='operator3']]//div[contains(@class,'ui-chkbox-box')]"))
                .click();
        admin.click("accountsForm:delete");
        admin.click("accountsForm:confirmOk");
        new org.openqa.selenium.support.ui.WebDriverWait(admin.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> !admin.text("accountsForm:accounts").contains("operator3"));

        other.click("dnsForm:save"); // the page was open before the account was deleted
        other.waitForUrlContaining("/login");
        admin.open(node.baseUrl() + "/system/dns");
        assertNotEquals("deletedwashere", admin.value("dnsForm:hostName"), "nothing saved by a deleted account");
    }

    @Test
    void aNewPasswordEndsTheOpenSession() {
        createAccount("operator4");
        loginOther("operator4");
        ApiClient api = apiCallsRemembered("operator4", PASSWORD);
        edit("operator4");
        admin.type("adminForm:password", PASSWORD + "2");
        admin.type("adminForm:confirmPassword", PASSWORD + "2");
        saveEdit();

        api.get("/system/administration").expect(401); // the old password, remembered by the API, no longer works
        ApiClient.as(node, "operator4", PASSWORD + "2").get("/system/administration").expect(200);

        other.open(node.baseUrl() + "/status/overview");
        other.waitForUrlContaining("/login");
        other.find("loginForm:username");
    }

    /** API calls with an account's credentials: the first checks them in full, the next ones are remembered. */
    private ApiClient apiCallsRemembered(String name, String password) {
        ApiClient api = ApiClient.as(node, name, password);
        api.get("/system/administration").expect(200);
        api.get("/system/administration").expect(200);
        return api;
    }

    private void createAccount(String name) {
        Console.createAccount(admin, node, name, "Read-write", PASSWORD);
    }

    private void loginOther(String name) {
        Console.login(other, node, name, PASSWORD);
        other.waitForUrlContaining("/status/overview");
    }

    private void edit(String name) {
        admin.open(node.baseUrl() + "/users/administrator-accounts");
        admin.driver().findElement(By.linkText(name)).click();
        admin.waitForUrlContaining("/users/editadmin");
        admin.find("adminForm:name");
    }

    private void saveEdit() {
        admin.click("adminForm:save");
        admin.waitForUrlContaining("/users/administrator-accounts");
    }
}
