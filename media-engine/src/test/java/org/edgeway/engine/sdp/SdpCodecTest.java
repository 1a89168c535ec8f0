package org.edgeway.engine.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8866 descriptions read and written back unchanged, rewritten where asked, and refused when malformed. */
class SdpCodecTest {

    /** An MRA endpoint's audio+video offer with ICE and SDES, as Jabber sends it (shortened). */
    static final String OFFER = String.join("\r\n",
            "v=0",
            "o=jabber 1907366212 1 IN IP4 198.51.100.7",
            "s=SIP Call",
            "b=AS:4000",
            "t=0 0",
            "a=ice-ufrag:8hhY",
            "a=ice-pwd:asd88fgpdd777uzjYhagZg",
            "m=audio 49170 RTP/SAVP 0 101",
            "c=IN IP4 198.51.100.7",
            "b=TIAS:64000",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-15",
            "a=rtcp:49171",
            "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4",
            "a=candidate:1 1 UDP 2130706431 198.51.100.7 49170 typ host",
            "a=candidate:2 1 UDP 1694498815 203.0.113.9 61665 typ srflx raddr 198.51.100.7 rport 49170",
            "a=sendrecv",
            "m=video 0 RTP/SAVP 96",
            "c=IN IP4 198.51.100.7",
            "a=rtpmap:96 H264/90000",
            "") ;

    @Test
    void roundTripsLineForLine() throws Exception {
        SessionDescription sdp = SdpCodec.decode(OFFER);
        assertEquals(OFFER, SdpCodec.encode(sdp));
        assertEquals(2, sdp.media().size());
        MediaDescription audio = sdp.media().get(0);
        assertEquals("audio", audio.media());
        assertEquals(49170, audio.port());
        assertEquals("RTP/SAVP", audio.proto());
        assertEquals(List.of("0", "101"), audio.formats());
        assertEquals(List.of("0 PCMU/8000", "101 telephone-event/8000"), audio.attributes("rtpmap"));
        assertEquals("49171", audio.attribute("rtcp"));
        assertEquals(2, audio.attributes("candidate").size());
        assertEquals(List.of(""), audio.attributes("sendrecv"));
        assertEquals("198.51.100.7", sdp.connection(audio).address());
        assertEquals(List.of("8hhY"), sdp.attributes("ice-ufrag"));
        assertNull(sdp.connection());
        assertEquals(4000, sdp.bandwidthKbps());
        assertEquals(0, sdp.media().get(1).port());
    }

    @Test
    void readsLineFeedsAndWritesCrlf() throws Exception {
        String lf = "v=0\no=- 1 2 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000/2 RTP/AVP 8\n"
                + "a=rtpmap:8 PCMA/8000\n";
        SessionDescription sdp = SdpCodec.decode(lf);
        assertEquals(lf.replace("\n", "\r\n"), SdpCodec.encode(sdp));
        assertEquals(2, sdp.media().get(0).portCount());
        assertEquals("10.0.0.1", sdp.connection(sdp.media().get(0)).address());
    }

    @Test
    void rewritesAddressAndPortsAndKeepsTheRest() throws Exception {
        SessionDescription sdp = SdpCodec.decode(OFFER);
        MediaDescription audio = sdp.media().get(0).withPort(36004).withConnection(Connection.of("192.0.2.10"))
                .withAttribute("rtcp", "36005").withoutAttributes(List.of("candidate", "crypto"));
        SessionDescription out = SdpCodec.decode(SdpCodec.encode(sdp.withMedia(List.of(audio, sdp.media().get(1)))
                .withNextVersion()));
        MediaDescription a = out.media().get(0);
        assertEquals(36004, a.port());
        assertEquals("192.0.2.10", a.connection().address());
        assertEquals("36005", a.attribute("rtcp"));
        assertTrue(a.attributes("candidate").isEmpty());
        assertTrue(a.attributes("crypto").isEmpty());
        assertEquals(List.of("0 PCMU/8000", "101 telephone-event/8000"), a.attributes("rtpmap"));
        assertEquals("o=jabber 1907366212 2 IN IP4 198.51.100.7", out.session().get(1).toString());
    }

    @Test
    void dropsSessionLevelAttributesByName() throws Exception {
        SessionDescription sdp = SdpCodec.decode(OFFER).withoutAttributes(List.of("ice-ufrag", "ice-pwd"));
        assertTrue(sdp.attributes("ice-ufrag").isEmpty());
        assertTrue(sdp.attributes("ice-pwd").isEmpty());
        assertEquals(List.of("v", "o", "s", "b", "t"), sdp.session().stream().map(l -> String.valueOf(l.type()))
                .toList());
        assertEquals(2, sdp.media().get(0).attributes("candidate").size(), "media-level lines untouched");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "o=- 1 1 IN IP4 a\r\nv=0\r\ns=-\r\nt=0 0\r\n",
        "v=1\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\n",
        "v=0\r\no=- x 1 IN IP4 a\r\ns=-\r\nt=0 0\r\n",
        "v=0\r\no=- 1 1 IN IP4\r\ns=-\r\nt=0 0\r\n",
        "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4 a\r\n",
        "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\nc=IN IP4 a\r\n",
        "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4\r\nt=0 0\r\n",
        "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0\r\n",
        "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n",
        "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4 a\r\nt=0 0\r\nm=audio 70000 RTP/AVP 0\r\n",
        "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4 a\r\nt=0 0\r\nm=audio 4000 RTP/AVP\r\n",
        "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4 a\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=x\r\nc=IN IP4 a\r\n",
        "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4 a\r\nt=0 0\r\nx=unknown\r\n",
        "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4 a\r\nt=0 0\r\n\r\na=late\r\n",
        "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4 a\r\nb=AS:x\r\nt=0 0\r\n",
        "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4 a\r\nt=0 0\r\nmissing equals\r\n",
    })
    void refusesMalformedDescriptions(String text) {
        SdpParseException e = assertThrows(SdpParseException.class, () -> SdpCodec.decode(text));
        assertTrue(!e.getMessage().isBlank());
    }

    @Test
    void repeatsTimeGroupsAndAttributes() throws Exception {
        String text = "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4 a\r\nt=1 2\r\nr=7d 1h 0 25h\r\nt=3 4\r\n"
                + "a=x\r\na=y:1\r\n";
        assertEquals(text, SdpCodec.encode(SdpCodec.decode(text)));
    }
}
