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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String DATA_DIR = "edgeway.data.dir";
    private final String before = System.getProperty(DATA_DIR);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(DATA_DIR);
        } else {
            System.setProperty(DATA_DIR, before);
        }
    }

    @Test
    void encryptsUnderAPrivateNodeKeyAndReadsBack(@TempDir Path dir) throws Exception {
        System.setProperty(DATA_DIR, dir.toString());
        SecretBox box = new SecretBox();
        String stored = box.encrypt("ntp pass phrase");

        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains("ntp pass phrase"));
        assertNotEquals(stored, box.encrypt("ntp pass phrase"), "a fresh IV each time");
        assertEquals("ntp pass phrase", box.decrypt(stored));
        // another start of the same node (same key file) reads it too
        assertEquals("ntp pass phrase", new SecretBox().decrypt(stored));
        Path key = dir.resolve("secrets/node.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertNull(box.encrypt(null));
        assertNull(box.decrypt(null));
    }

    @Test
    void anotherNodesKeyCannotReadIt(@TempDir Path dir) {
        System.setProperty(DATA_DIR, dir.resolve("a").toString());
        String stored = new SecretBox().encrypt("shared secret");
        System.setProperty(DATA_DIR, dir.resolve("b").toString());
        SecretBox other = new SecretBox();
        assertThrows(IllegalStateException.class, () -> other.decrypt(stored));
        assertThrows(IllegalStateException.class, () -> other.decrypt("plain text from an old database"));
    }
}
