package org.edgeway.it;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture of a console test class: one fresh node started with {@code edgeway.sh}, one headless browser, and
 * the first login done (one-time password from the server log, then the class's own admin password). Both are
 * stopped after the class, the node by its pid. Register it on a static field:
 * <pre>
 * &#64;RegisterExtension
 * static final ConsoleNode console = new ConsoleNode("name", offsetStep, "Admin-password", "--role", "E");
 * </pre>
 * Its {@code beforeAll} runs before the class's own {@code @BeforeAll} methods, so those can use the node.
 */
public final class ConsoleNode implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final int offsetStep;
    private final String adminPassword;
    private final String[] args;
    private ServerNode node;
    private Browser browser;
    /** Set by {@link #restartUntouched()} until the admin password is known to work again. */
    private boolean firstLoginPending;

    public ConsoleNode(String name, int offsetStep, String adminPassword, String... args) {
        this.name = name;
        this.offsetStep = offsetStep;
        this.adminPassword = adminPassword;
        this.args = args.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        node = new ServerNode(name, offsetStep, args).fresh().start();
        browser = new Browser();
        Console.firstLogin(browser, node, adminPassword);
    }

    /** Closes the browser and stops the node even if one of them fails, reporting every failure. */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<Exception> failures = new ArrayList<>();
        close(browser, failures);
        browser = null;
        close(node, failures);
        node = null;
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void close(AutoCloseable resource, List<Exception> failures) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
    }

    public ServerNode node() {
        return node;
    }

    public Browser browser() {
        return browser;
    }

    /** The admin password the first login set. */
    public String adminPassword() {
        return adminPassword;
    }

    /** The console URL of a path on this node, e.g. {@code url("/system/dns")}. */
    public String url(String path) {
        return node.baseUrl() + path;
    }

    /** The REST API as admin. */
    public ApiClient admin() {
        return ApiClient.as(node, "admin", adminPassword);
    }

    /** Drops the browser's session (its cookies for this node): the browser is a visitor who has not logged in. */
    public void signOut() {
        browser.open(url("/login"));
        browser.driver().manage().deleteAllCookies();
        browser.open(url("/login"));
        browser.find("loginForm:username");
    }

    /** A fresh admin session in the browser, whoever was logged in before and whether or not the node restarted. */
    public void signInAsAdmin() throws Exception {
        if (firstLoginPending && admin().get("/system/dns").status() != 200) {
            // a first-login test that stopped halfway must not fail every test after it
            signOut();
            Console.firstLogin(browser, node, adminPassword);
        }
        firstLoginPending = false;
        signIn("admin", adminPassword);
    }

    /** A fresh session of this account in the browser, landing on Status &gt; Overview. */
    public void signIn(String user, String password) {
        signOut();
        Console.login(browser, node, user, password);
        browser.waitForUrlContaining("/status/overview");
    }

    /**
     * Wipes the node's data and starts it again: the state before its first login, with a new one-time password,
     * for a test of the first login itself. Should that test not set {@link #adminPassword()},
     * {@link #signInAsAdmin()} does the first login for the tests after it.
     */
    public void restartUntouched() throws Exception {
        node.stop();
        node.fresh().start();
        firstLoginPending = true;
        signOut();
    }
}
