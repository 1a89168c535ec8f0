package org.edgeway.services.hsm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * What the next start needs to put the token's key behind the HTTPS listener, in {@code <data>/tls/pkcs11}: the
 * SunPKCS11 configuration ({@code pkcs11.cfg}), the PIN as SecretBox stored it ({@code pin}, never in clear) and,
 * written by {@code TokenProbe boot} just before WildFly starts, the {@code java.security} override that makes the
 * configured provider the JDK's. The files exist while HSM Mode is PKCS#11 (edgeway.sh looks for them).
 */
public final class TokenFiles {

    private final Path dir;

    public TokenFiles(Path dataDir) {
        this.dir = dataDir.resolve("tls").resolve("pkcs11");
    }

    public static TokenFiles ofNode() {
        return new TokenFiles(Path.of(System.getProperty("edgeway.data.dir", ".")));
    }

    public Optional<String> configuration() {
        return read(dir.resolve("pkcs11.cfg"));
    }

    public Optional<String> encryptedPin() {
        return read(dir.resolve("pin"));
    }

    public Path configurationFile() {
        return dir.resolve("pkcs11.cfg");
    }

    public Path securityOverride() {
        return dir.resolve("java.security");
    }

    public void write(String configuration, String encryptedPin) {
        writePrivate(dir.resolve("pkcs11.cfg"), configuration);
        writePrivate(dir.resolve("pin"), encryptedPin);
    }

    /** The JDK's SunPKCS11 entry (its number in the provider list) configured with this node's token. */
    void writeSecurityOverride(int providerNumber) {
        writePrivate(securityOverride(), "security.provider." + providerNumber + "=SunPKCS11 " + configurationFile()
                + "\n");
    }

    public void delete() {
        try {
            for (String name : new String[] {"pkcs11.cfg", "pin", "java.security"}) {
                Files.deleteIfExists(dir.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> read(Path p) {
        try {
            return Files.exists(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written whole then moved into place, readable by the node's user only. */
    private static void writePrivate(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
