package org.edgeway.engine.b2bua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.edgeway.engine.zones.ZoneConfig.MediaEncryption;
import org.junit.jupiter.api.Test;

/** The zones' media encryption modes as the B2BUA applies them to an offer. */
class EncryptionPlanTest {

    @Test
    void unforcedZonesPassMediaAsNegotiated() {
        assertEquals(new EncryptionPlan(false, true, true),
                EncryptionPlan.of(MediaEncryption.AUTO, MediaEncryption.BEST_EFFORT, true));
        assertEquals(new EncryptionPlan(false, false, false),
                EncryptionPlan.of(MediaEncryption.AUTO, MediaEncryption.AUTO, false));
    }

    @Test
    void aForcedZoneTerminatesBothLegs() {
        // into a zone that forces encryption: the clear caller stays clear, the callee's leg is SRTP
        assertEquals(new EncryptionPlan(true, false, true),
                EncryptionPlan.of(MediaEncryption.AUTO, MediaEncryption.FORCE_ENCRYPTED, false));
        // from a zone that forces it toward an Auto zone: the callee's leg is clear
        assertEquals(new EncryptionPlan(true, true, false),
                EncryptionPlan.of(MediaEncryption.FORCE_ENCRYPTED, MediaEncryption.AUTO, true));
        // Best effort toward the callee offers SRTP once this node terminates media anyway
        assertEquals(new EncryptionPlan(true, true, true),
                EncryptionPlan.of(MediaEncryption.FORCE_ENCRYPTED, MediaEncryption.BEST_EFFORT, true));
        assertEquals(new EncryptionPlan(true, true, false),
                EncryptionPlan.of(MediaEncryption.BEST_EFFORT, MediaEncryption.FORCE_UNENCRYPTED, true));
    }

    @Test
    void anOfferAgainstItsOwnZonesForcingIsRefused() {
        assertNull(EncryptionPlan.of(MediaEncryption.FORCE_ENCRYPTED, MediaEncryption.AUTO, false));
        assertNull(EncryptionPlan.of(MediaEncryption.FORCE_UNENCRYPTED, MediaEncryption.AUTO, true));
    }

    @Test
    void passedThroughIceKeepsTheEndpointsKeysEndToEnd() {
        // even where a zone forces encryption, an SRTP offer's keys go end to end so the media can leave the node
        assertEquals(new EncryptionPlan(false, true, true), EncryptionPlan.of(MediaEncryption.FORCE_ENCRYPTED,
                MediaEncryption.AUTO, true, IcePassthroughMode.ON));
        // a clear offer is planned as without passthrough
        assertEquals(new EncryptionPlan(true, false, true), EncryptionPlan.of(MediaEncryption.AUTO,
                MediaEncryption.FORCE_ENCRYPTED, false, IcePassthroughMode.ON));
        assertNull(EncryptionPlan.of(MediaEncryption.FORCE_ENCRYPTED, MediaEncryption.AUTO, false,
                IcePassthroughMode.ON));
    }

    @Test
    void withoutTlsTheNodeTerminatesSrtpAndNoKeyGoesInside() {
        assertEquals(new EncryptionPlan(true, true, false), EncryptionPlan.of(MediaEncryption.AUTO,
                MediaEncryption.AUTO, true, IcePassthroughMode.WITHOUT_TLS));
        assertEquals(EncryptionPlan.of(MediaEncryption.AUTO, MediaEncryption.AUTO, true),
                EncryptionPlan.of(MediaEncryption.AUTO, MediaEncryption.AUTO, true, IcePassthroughMode.OFF));
        assertEquals(IcePassthroughMode.WITHOUT_TLS, IcePassthroughMode.of(true, false));
        assertEquals(IcePassthroughMode.ON, IcePassthroughMode.of(true, true));
        assertEquals(IcePassthroughMode.OFF, IcePassthroughMode.of(false, true));
    }
}
