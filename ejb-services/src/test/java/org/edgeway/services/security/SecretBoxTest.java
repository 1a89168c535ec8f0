package org.edgeway.services.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    @TempDir
    Path data;
    private String previous;

    @BeforeEach
    void useTempDataDir() {
        previous = System.setProperty("edgeway.data.dir", data.toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty("edgeway.data.dir");
        } else {
            System.setProperty("edgeway.data.dir", previous);
        }
    }

    @Test
    void encryptsUnderAFreshNodeKeyAndReadsBack() throws Exception {
        SecretBox box = new SecretBox();
        String stored = box.encrypt("turn-shared-secret");
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains("turn-shared-secret"));
        assertNotEquals(stored, box.encrypt("turn-shared-secret"), "a fresh IV each time");
        assertEquals("turn-shared-secret", box.decrypt(stored));

        Path key = data.resolve("secrets/node.key");
        assertEquals(32, Base64.getDecoder().decode(Files.readString(key).trim()).length);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(key));
        assertEquals("turn-shared-secret", new SecretBox().decrypt(stored), "another instance reads the same key");
    }

    @Test
    void nullStaysNull() {
        SecretBox box = new SecretBox();
        assertNull(box.encrypt(null));
        assertNull(box.decrypt(null));
    }

    @Test
    void aTamperedOrForeignValueIsRefused() throws Exception {
        SecretBox box = new SecretBox();
        byte[] raw = Base64.getDecoder().decode(box.encrypt("secret").substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> box.decrypt(tampered));
        assertThrows(IllegalStateException.class, () -> box.decrypt("plain text"));

        String stored = box.encrypt("secret");
        Files.delete(data.resolve("secrets/node.key"));
        assertThrows(IllegalStateException.class, () -> new SecretBox().decrypt(stored),
                "a replaced node key cannot read old secrets");
    }
}
