package org.edgeway.engine.sip.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The codec against the torture messages of RFC 4475 ({@link Rfc4475Messages}). */
class Rfc4475TortureTest {

    private final SipCodec codec = new SipCodec(SipCodec.Limits.DEFAULT);

    static Stream<String> valid() {
        return Rfc4475Messages.VALID.stream();
    }

    static Stream<String> invalidRequests() {
        return Rfc4475Messages.INVALID_REQUESTS.stream();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void everyValidMessageParsesAndSurvivesARoundTrip(String name) throws Exception {
        SipMessage m = codec.decode(Rfc4475Messages.valid(name));
        SipMessage again = codec.decode(codec.encode(m));
        assertEquals(withoutLength(m), withoutLength(again), name);
        assertArrayEquals(m.body(), again.body(), name);
        assertEquals(m.isRequest() ? m.method() : String.valueOf(m.status()),
                again.isRequest() ? again.method() : String.valueOf(again.status()));
    }

    private static List<Header> withoutLength(SipMessage m) {
        return m.headers().stream().filter(h -> !h.name().equals(HeaderNames.CONTENT_LENGTH)).toList();
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void everyInvalidRequestIsRefusedAnswerably(String name) {
        SipParseException e = assertThrows(SipParseException.class, () -> codec.decode(Rfc4475Messages.invalid(name)));
        assertEquals(400, e.status(), name + ": " + e.getMessage());
        assertNotNull(e.headers(), name + " should be answerable");
    }

    @Test
    void unknownVersionIs505() {
        SipParseException e = assertThrows(SipParseException.class, () -> codec.decode(Rfc4475Messages.invalid(Rfc4475Messages.BAD_VERSION)));
        assertEquals(505, e.status());
        assertNotNull(e.headers());
    }

    @Test
    void invalidResponsesAreDropped() {
        for (String name : Rfc4475Messages.INVALID_RESPONSES) {
            SipParseException e = assertThrows(SipParseException.class, () -> codec.decode(Rfc4475Messages.invalid(name)));
            assertNull(e.headers(), name);
        }
    }

    @Test
    void shortTortuousInviteUnfoldsAndSplits() throws Exception {
        SipMessage m = codec.decode(Rfc4475Messages.valid("wsinv"));
        assertEquals("INVITE", m.method());
        assertEquals(3, m.vias().size());
        assertEquals("UDP", m.topVia().transport());
        assertEquals("390skdjuw", m.topVia().branch());
        assertEquals("z9hG4bK30239", m.vias().get(2).branch());
        assertEquals(68, m.maxForwards());
        assertEquals(new CSeq(9, "INVITE"), m.cseq());
        assertEquals("1918181833n", m.to().tag());
        assertEquals("98asjd8", m.from().tag());
        assertEquals("newfangled value continued newfangled value", m.header("NewFangledHeader"));
        assertEquals("", m.header("Subject"));
        assertEquals("0.33", m.nameAddrs(HeaderNames.CONTACT).get(0).params().get("q"));
        assertEquals(150, m.body().length);
    }

    @Test
    void extraOctetsAfterADatagramMessageAreIgnored() throws Exception {
        SipMessage m = codec.decode(Rfc4475Messages.valid("dblreq"));
        assertEquals("REGISTER", m.method());
        assertEquals(0, m.body().length);
    }

    @Test
    void escapedNameIsAnUnknownHeaderNotAContact() throws Exception {
        SipMessage m = codec.decode(Rfc4475Messages.valid("esc02"));
        assertEquals("RE%47IST%45R", m.method());
        assertEquals(2, m.nameAddrs(HeaderNames.CONTACT).size());
        assertEquals("<sip:alias2@host2.example.com>", m.header("C%6Fntact"));
    }

    @Test
    void unusualCharactersSurvive() throws Exception {
        SipMessage m = codec.decode(Rfc4475Messages.valid("intmeth"));
        assertEquals("!interesting-Method0123456789_*+`.%indeed'~", m.method());
        assertEquals("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)"
                .substring(0, 44), m.requestUri().user().substring(0, 44));
        assertEquals("example.com", m.requestUri().host());
        assertEquals("_token~1'+`*%!-.", m.from().tag());
    }

    @Test
    void reasonPhrasesMayBeEmptyOrUtf8() throws Exception {
        assertEquals("", codec.decode(Rfc4475Messages.valid("noreason")).reason());
        SipMessage m = codec.decode(Rfc4475Messages.valid("unreason"));
        assertEquals(200, m.status());
        assertTrue(m.reason().startsWith("= 2**3 * 5**2 "));
    }

    @Test
    void multipartBodyKeepsItsBinaryOctets() throws Exception {
        SipMessage m = codec.decode(Rfc4475Messages.valid("mpart01"));
        assertEquals(Integer.parseInt(Rfc4475Messages.valid("mpart01").length > 0
                ? new String(Rfc4475Messages.valid("mpart01"), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .replaceAll("(?s).*Content-Length: (\\d+).*", "$1") : "0"), m.body().length);
    }
}
