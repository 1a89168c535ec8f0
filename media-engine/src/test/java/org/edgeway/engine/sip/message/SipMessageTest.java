package org.edgeway.engine.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decoded message's typed headers (parsed once by the codec, kept until a header changes), the line splitting
 * of the header section, and CSeq parsing.
 */
class SipMessageTest {

    private static final SipCodec CODEC = new SipCodec(SipCodec.Limits.DEFAULT);

    private static final String REGISTER = "REGISTER sip:example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-1\r\n"
            + "From: <sip:alice@example.com>;tag=a\r\n"
            + "To: <sip:alice@example.com>\r\n"
            + "Call-ID: c1\r\n"
            + "CSeq: 7 REGISTER\r\n"
            + "Content-Length: 0\r\n\r\n";

    private static SipMessage decode(String text) throws SipParseException {
        return CODEC.decode(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void typedHeadersFollowEveryEdit() throws Exception {
        SipMessage m = decode(REGISTER);
        assertEquals("10.0.0.1", m.topVia().host());
        assertEquals(7, m.cseq().number());
        assertNull(m.to().tag());

        m.pushHeader(HeaderNames.VIA, "SIP/2.0/UDP 192.0.2.9:5070;branch=z9hG4bK-2");
        assertEquals("192.0.2.9", m.topVia().host(), "pushHeader");
        m.popHeader(HeaderNames.VIA);
        assertEquals("10.0.0.1", m.topVia().host(), "popHeader");
        m.setHeader(HeaderNames.TO, "<sip:alice@example.com>;tag=t9");
        assertEquals("t9", m.to().tag(), "setHeader");
        m.setHeader(HeaderNames.CSEQ, "8 REGISTER");
        assertEquals(8, m.cseq().number(), "setHeader CSeq");
        m.removeHeaders(HeaderNames.FROM);
        m.addHeader(HeaderNames.FROM, "<sip:bob@example.com>;tag=b");
        assertEquals("bob", m.from().uri().user(), "removeHeaders + addHeader");

        SipMessage copy = m.copy();
        copy.setHeader(HeaderNames.TO, "<sip:alice@example.com>;tag=other");
        assertEquals("other", copy.to().tag());
        assertEquals("t9", m.to().tag(), "a copy's edits leave the original alone");
    }

    @Test
    void headersAreReadOnlyOutsideTheEditMethods() throws Exception {
        SipMessage m = decode(REGISTER);
        assertThrows(UnsupportedOperationException.class, () -> m.headers().clear());
    }

    @Test
    void linesSplitAtLfAndCrlfLikeTheRegex() {
        for (String section : List.of("a\r\nb\nc", "a\r\r\nb", "a\n\nb", "a\r\n", "", "a\rb\r\nc\r\n\r\n",
                "\n")) {
            assertEquals(List.of(section.split("\r?\n", -1)), SipCodec.lines(section), section.replace("\r", "\\r")
                    .replace("\n", "\\n"));
        }
    }

    @Test
    void bareLfMessageDecodesLikeCrlf() throws Exception {
        SipMessage crlf = decode(REGISTER);
        SipMessage lf = decode(REGISTER.replace("\r\n", "\n"));
        assertEquals(crlf.headers(), lf.headers());
        assertEquals(crlf.requestUri().text(), lf.requestUri().text());
    }

    @Test
    void unquotedDisplayNamesAreTokensSeparatedByWhitespace() throws Exception {
        assertEquals("Alice  \t Smith", NameAddr.parse("Alice  \t Smith <sip:alice@example.com>", "From")
                .displayName());
        assertEquals("sip:alice@example.com", NameAddr.parse("<sip:alice@example.com>", "From").uri().text());
        for (String bad : List.of("Al@ice <sip:alice@example.com>", "Alice, Smith <sip:alice@example.com>")) {
            assertThrows(SipParseException.class, () -> NameAddr.parse(bad, "From"), bad);
        }
    }

    @Test
    void cseqNumberAndMethodAcrossSpacesAndTabs() throws Exception {
        assertEquals(new CSeq(1, "INVITE"), CSeq.parse("1 INVITE"));
        assertEquals(new CSeq(42, "REGISTER"), CSeq.parse(" 42 \t REGISTER "));
        for (String bad : List.of("", "1", "INVITE", "1 IN VITE", "x INVITE", "1 INV<ITE", "2147483648 INVITE")) {
            assertThrows(SipParseException.class, () -> CSeq.parse(bad), bad);
        }
    }
}
