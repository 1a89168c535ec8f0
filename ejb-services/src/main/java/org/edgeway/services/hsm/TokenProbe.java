package org.edgeway.services.hsm;

import java.nio.file.Path;
import java.security.Security;
import java.util.Optional;
import org.edgeway.services.security.SecretBox;

/**
 * The token check run in its own JVM, by edgeway.sh before WildFly starts and by the HSM status: PKCS#11 login state
 * belongs to a process, so once the listener's provider has logged in, only a fresh process can tell whether the
 * library, slot and PIN still work.
 *
 * <pre>
 *   TokenProbe check DATA_DIR   prints "OK" (exit 0) or the reason (exit 1)
 *   TokenProbe boot DATA_DIR    installs an uploaded certificate, writes the java.security override and prints the
 *                               PIN for the listener's key store (exit 0); exit 3 when the token has no server
 *                               certificate yet, 1 when the token fails (the reason on stderr), 2 when not configured
 * </pre>
 */
public final class TokenProbe {

    private TokenProbe() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("check") || args[0].equals("boot"))) {
            System.err.println("usage: TokenProbe check|boot DATA_DIR");
            System.exit(2);
        }
        System.setProperty("edgeway.data.dir", args[1]);
        TokenFiles files = new TokenFiles(Path.of(args[1]));
        Optional<String> configuration = files.configuration();
        Optional<String> encryptedPin = files.encryptedPin();
        if (configuration.isEmpty() || encryptedPin.isEmpty()) {
            System.err.println("HSM Mode is not PKCS#11");
            System.exit(2);
        }
        try {
            String pin = new SecretBox().decrypt(encryptedPin.get().strip());
            Pkcs11Token token = Pkcs11Token.open(configuration.get(), pin);
            if (args[0].equals("check")) {
                System.out.println("OK");
                System.exit(0);
            }
            if (token.installPending()) {
                System.err.println("installed the uploaded server certificate in the token");
            }
            if (token.entry(Pkcs11Token.SERVER).isEmpty()) {
                System.err.println("the token holds no server certificate yet: HTTPS uses the node's key store file");
                System.exit(3);
            }
            files.writeSecurityOverride(sunPkcs11Number());
            System.out.println(pin);
            System.exit(0);
        } catch (RuntimeException e) {
            System.out.println(e instanceof Pkcs11Token.TokenException ? e.getMessage() : Pkcs11Token.reason(e));
            System.exit(1);
        }
    }

    /** Where java.security lists SunPKCS11 (12 in JDK 17 and 25), so the override replaces that entry. */
    private static int sunPkcs11Number() {
        for (int n = 1; Security.getProperty("security.provider." + n) != null; n++) {
            if (Security.getProperty("security.provider." + n).strip().startsWith("SunPKCS11")) {
                return n;
            }
        }
        throw new IllegalStateException("this JDK lists no SunPKCS11 provider in java.security");
    }
}
