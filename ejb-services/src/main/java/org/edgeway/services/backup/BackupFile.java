package org.edgeway.services.backup;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The configuration backup file. Two text lines, then the encrypted configuration:
 * <pre>
 * EDGEWAY-CONFIGURATION-BACKUP
 * {"format":1,"schemaVersion":"11","createdAt":"...","node":"...","kdf":"PBKDF2WithHmacSHA256","iterations":N,
 *  "salt":"..","iv":"..","check":".."}
 * AES-256-GCM(gzip(configuration JSON)), both lines as associated data
 * </pre>
 * PBKDF2-HMAC-SHA256 turns the pass phrase into 512 bits: the AES key and a check key whose HMAC of a fixed text
 * is {@code check}, so a wrong pass phrase is told apart from a damaged file. The header is readable without the
 * pass phrase (a newer schema is refused before any work) and authenticated by GCM (an edited header fails).
 */
final class BackupFile {

    static final String MAGIC = "EDGEWAY-CONFIGURATION-BACKUP";
    static final int FORMAT = 1;
    /** OWASP's PBKDF2-HMAC-SHA256 work factor: a backup leaves the node, so guessing must be slow. */
    static final int ITERATIONS = 600_000;
    static final int MAX_BYTES = 64 << 20;
    private static final String KDF = "PBKDF2WithHmacSHA256";
    private static final byte[] CHECK_TEXT = "edgeway configuration backup pass phrase".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the header says, readable without the pass phrase. */
    record Header(int format, String schemaVersion, Instant createdAt, String node) {
    }

    private BackupFile() {
    }

    static byte[] write(Header header, byte[] configuration, char[] passPhrase) {
        byte[] salt = random(16);
        byte[] iv = random(12);
        byte[][] keys = derive(passPhrase, salt, ITERATIONS);
        String headerJson = Json.createObjectBuilder()
                .add("format", header.format())
                .add("schemaVersion", header.schemaVersion())
                .add("createdAt", header.createdAt().toString())
                .add("node", header.node())
                .add("kdf", KDF)
                .add("iterations", ITERATIONS)
                .add("salt", b64(salt))
                .add("iv", b64(iv))
                .add("check", b64(check(keys[1])))
                .build().toString();
        byte[] head = (MAGIC + "\n" + headerJson + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys[0], "AES"), new GCMParameterSpec(128, iv));
            c.updateAAD(head);
            byte[] body = c.doFinal(gzip(configuration));
            byte[] out = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, out, head.length, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the backup", e);
        }
    }

    /** The header of a file, or a refusal naming the file. */
    static Header header(byte[] file) {
        return parsed(file).header();
    }

    /** The configuration JSON inside, or a refusal: wrong pass phrase, damaged or altered file. */
    static byte[] open(byte[] file, char[] passPhrase) {
        Parsed p = parsed(file);
        byte[][] keys = derive(passPhrase, p.salt(), p.iterations());
        if (!MessageDigest.isEqual(check(keys[1]), p.check())) {
            throw BackupRefused.passPhrase("is not the pass phrase this backup was made with");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys[0], "AES"), new GCMParameterSpec(128, p.iv()));
            c.updateAAD(file, 0, p.headLength());
            return gunzip(c.doFinal(file, p.headLength(), file.length - p.headLength()));
        } catch (javax.crypto.AEADBadTagException e) {
            throw BackupRefused.file("is damaged or was altered after it was made (its authentication failed)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the backup", e);
        } catch (IOException e) {
            throw BackupRefused.file("is damaged: its content is not readable");
        }
    }

    private record Parsed(Header header, int headLength, byte[] salt, byte[] iv, byte[] check, int iterations) {
    }

    private static Parsed parsed(byte[] file) {
        int first = indexOf(file, 0);
        int second = first < 0 ? -1 : indexOf(file, first + 1);
        if (second < 0 || !MAGIC.equals(new String(file, 0, first, StandardCharsets.UTF_8))) {
            throw BackupRefused.file("is not an Edgeway configuration backup");
        }
        String json = new String(file, first + 1, second - first - 1, StandardCharsets.UTF_8);
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            JsonObject h = r.readObject();
            int format = h.getInt("format");
            if (format != FORMAT) {
                throw BackupRefused.file("has backup format " + format + ", which this version cannot read");
            }
            if (!KDF.equals(h.getString("kdf"))) {
                throw BackupRefused.file("uses key derivation " + h.getString("kdf") + ", which this version cannot read");
            }
            int iterations = h.getInt("iterations");
            if (iterations < 10_000 || iterations > 10_000_000) {
                throw BackupRefused.file("is damaged: its header is not valid");
            }
            return new Parsed(new Header(format, h.getString("schemaVersion"), Instant.parse(h.getString("createdAt")),
                    h.getString("node")), second + 1, unb64(h.getString("salt")), unb64(h.getString("iv")),
                    unb64(h.getString("check")), iterations);
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException
                | java.time.format.DateTimeParseException e) {
            throw BackupRefused.file("is damaged: its header is not valid");
        }
    }

    private static int indexOf(byte[] file, int from) {
        for (int i = from; i < Math.min(file.length, from + 4096); i++) {
            if (file[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[][] derive(char[] passPhrase, byte[] salt, int iterations) {
        try {
            byte[] k = SecretKeyFactory.getInstance(KDF).generateSecret(new PBEKeySpec(passPhrase, salt, iterations, 512))
                    .getEncoded();
            return new byte[][] {Arrays.copyOfRange(k, 0, 32), Arrays.copyOfRange(k, 32, 64)};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the backup key", e);
        }
    }

    private static byte[] check(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(CHECK_TEXT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] packed) throws IOException {
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            byte[] out = z.readNBytes(MAX_BYTES + 1);
            if (out.length > MAX_BYTES) {
                throw new IOException("too large");
            }
            return out;
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }
}
