package org.edgeway.engine.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No input makes the codec throw anything but {@link SipParseException}: the torture messages mutated at random
 * (flipped, deleted, duplicated and inserted octets, truncation), seeded so a failure can be replayed. Also the
 * stream framer and the size limits.
 */
class SipCodecFuzzTest {

    private static final long SEED = 4475;
    private final SipCodec codec = new SipCodec(SipCodec.Limits.DEFAULT);

    @Test
    void mutatedMessagesOnlyEverFailWithTheCodecsException() {
        Random random = new Random(SEED);
        byte[] special = ":;,<>\"\\ \t\r\n%@=/?".getBytes(StandardCharsets.ISO_8859_1);
        int accepted = 0;
        int refused = 0;
        for (String name : Rfc4475Messages.VALID) {
            byte[] original = Rfc4475Messages.valid(name);
            for (int round = 0; round < 400; round++) {
                byte[] data = mutate(original, random, special);
                try {
                    codec.decode(data, 0, data.length, random.nextBoolean());
                    accepted++;
                } catch (SipParseException e) {
                    refused++;
                    assertTrue(e.status() == 400 || e.status() == 505 || e.status() == 513, e.getMessage());
                } catch (RuntimeException e) {
                    fail(name + " round " + round + " threw " + e + " for:\n"
                            + new String(data, StandardCharsets.ISO_8859_1), e);
                }
                try {
                    codec.frameLength(data, 0, data.length);
                } catch (SipParseException expected) {
                    // refusing a frame is allowed, throwing anything else is not
                } catch (RuntimeException e) {
                    fail(name + " framing threw " + e, e);
                }
            }
        }
        assertTrue(accepted > 0 && refused > 0, "mutations should both pass and fail: " + accepted + "/" + refused);
    }

    private static byte[] mutate(byte[] in, Random random, byte[] special) {
        byte[] data = in.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && data.length > 1; i++) {
            int at = random.nextInt(data.length);
            switch (random.nextInt(5)) {
                case 0 -> data[at] = special[random.nextInt(special.length)];
                case 1 -> data[at] = (byte) random.nextInt(256);
                case 2 -> {
                    byte[] shorter = new byte[data.length - 1];
                    System.arraycopy(data, 0, shorter, 0, at);
                    System.arraycopy(data, at + 1, shorter, at, data.length - at - 1);
                    data = shorter;
                }
                case 3 -> {
                    byte[] longer = Arrays.copyOf(data, data.length + 1);
                    System.arraycopy(data, at, longer, at + 1, data.length - at);
                    longer[at] = special[random.nextInt(special.length)];
                    data = longer;
                }
                default -> data = Arrays.copyOf(data, at);
            }
        }
        return data;
    }

    @Test
    void streamFramerWaitsForTheWholeMessageAndCutsIt() throws Exception {
        byte[] one = Rfc4475Messages.valid("lwsdisp");
        byte[] two = Arrays.copyOf(one, one.length * 2);
        System.arraycopy(one, 0, two, one.length, one.length);
        assertEquals(-1, codec.frameLength(one, 0, one.length - 3));
        assertEquals(one.length, codec.frameLength(two, 0, two.length));
        assertEquals("OPTIONS", codec.decode(two, one.length, one.length, false).method());
    }

    @Test
    void aStreamMessageWithoutContentLengthIsRefused() {
        byte[] m = ("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nFrom: <sip:x@y>;tag=1\r\n"
                + "To: <sip:a@b>\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(SipParseException.class, () -> codec.frameLength(m, 0, m.length));
    }

    @Test
    void limitsAreEnforced() {
        SipCodec small = new SipCodec(new SipCodec.Limits(200, 5, 80));
        byte[] longer = Rfc4475Messages.valid("lwsdisp");
        assertEquals(513, assertThrows(SipParseException.class, () -> small.decode(longer)).status());
        SipCodec fewHeaders = new SipCodec(new SipCodec.Limits(65_535, 5, 8_192));
        assertTrue(assertThrows(SipParseException.class, () -> fewHeaders.decode(longer)).getMessage()
                .contains("headers"));
        SipCodec shortLines = new SipCodec(new SipCodec.Limits(65_535, 100, 30));
        assertTrue(assertThrows(SipParseException.class, () -> shortLines.decode(longer)).getMessage()
                .contains("line"));
        byte[] huge = new byte[70_000];
        Arrays.fill(huge, (byte) 'a');
        assertThrows(SipParseException.class, () -> codec.frameLength(huge, 0, huge.length));
    }
}
