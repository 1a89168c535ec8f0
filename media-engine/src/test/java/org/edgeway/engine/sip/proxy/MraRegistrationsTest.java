package org.edgeway.engine.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.edgeway.engine.sip.SipSnapshot.MraRegistrationCount;
import org.edgeway.engine.sip.message.SipCodec;
import org.edgeway.engine.sip.message.SipMessage;
import org.junit.jupiter.api.Test;

/** The MRA registration counts follow the registrar's 2xx answers: refresh, more contacts, un-register, expiry. */
class MraRegistrationsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final MraRegistrations mra = new MraRegistrations();

    private static SipMessage ok(String... contacts) throws Exception {
        StringBuilder b = new StringBuilder("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK-1\r\n"
                + "From: <sip:a@example.com>;tag=1\r\nTo: <sip:a@example.com>;tag=2\r\nCall-ID: c1\r\n"
                + "CSeq: 2 REGISTER\r\n");
        for (String c : contacts) {
            b.append("Contact: ").append(c).append("\r\n");
        }
        b.append("Content-Length: 0\r\n\r\n");
        byte[] bytes = b.toString().getBytes(StandardCharsets.ISO_8859_1);
        return new SipCodec(SipCodec.Limits.DEFAULT).decode(bytes);
    }

    @Test
    void countsContactsUntilTheyExpireAndKeepsThePeak() throws Exception {
        mra.accepted("sip:a@example.com", ok("<sip:a@192.0.2.1:5060>;expires=600"), T0);
        mra.accepted("sip:b@example.com", ok("<sip:b@192.0.2.2:5060>;expires=60", "<sip:b@192.0.2.3>;expires=600"),
                T0);
        assertEquals(new MraRegistrationCount(3, 3), mra.count(T0));
        // a refresh of the same contact is the same registration
        mra.accepted("sip:a@example.com", ok("<sip:a@192.0.2.1:5060>;expires=600"), T0.plusSeconds(30));
        assertEquals(new MraRegistrationCount(3, 3), mra.count(T0.plusSeconds(30)));
        // b's first contact lapses without a refresh
        assertEquals(new MraRegistrationCount(2, 3), mra.count(T0.plusSeconds(60)));
        // a un-registers: the registrar's 200 lists no contact left
        mra.accepted("sip:a@example.com", ok(), T0.plusSeconds(90));
        assertEquals(new MraRegistrationCount(1, 3), mra.count(T0.plusSeconds(90)));
        assertEquals(new MraRegistrationCount(0, 3), mra.count(T0.plusSeconds(600)));
    }

    @Test
    void expiresHeaderAppliesToContactsWithoutTheirOwnAndZeroRemoves() throws Exception {
        SipMessage m = ok("<sip:c@192.0.2.4>", "<sip:c@192.0.2.5>;expires=0");
        m.addHeader("Expires", "120");
        mra.accepted("sip:c@example.com", m, T0);
        assertEquals(new MraRegistrationCount(1, 1), mra.count(T0.plusSeconds(119)));
        assertEquals(new MraRegistrationCount(0, 1), mra.count(T0.plusSeconds(120)));
    }
}
