package org.edgeway.engine.b2bua;

import org.edgeway.engine.zones.ZoneConfig.MediaEncryption;

/**
 * How the B2BUA applies the zones' media encryption modes to one call (seed 000 "Encryption without ICE
 * Passthrough"). When neither zone forces anything (Auto, Best effort), media is relayed as the endpoints negotiated
 * it, SRTP included, without this node holding a key. When either zone forces encryption or its absence, this node
 * terminates media on both legs with a key of its own per leg: a forced leg is SRTP or clear as forced; an unforced
 * caller leg keeps what the caller offered; an unforced callee leg is SRTP on Best effort, clear on Auto.
 *
 * @param terminated  this node decrypts and re-encrypts (each leg keyed separately)
 * @param callerSrtp  the caller's leg is SRTP
 * @param calleeSrtp  the callee's leg is SRTP
 */
record EncryptionPlan(boolean terminated, boolean callerSrtp, boolean calleeSrtp) {

    /**
     * The plan for an offer ({@code offersSrtp}: the caller's m= line is SAVP with a usable crypto line), or null
     * when the caller's zone refuses the offer (forced encryption without keys, forced clear with SAVP only).
     */
    static EncryptionPlan of(MediaEncryption callerZone, MediaEncryption calleeZone, boolean offersSrtp) {
        if (callerZone == MediaEncryption.FORCE_ENCRYPTED && !offersSrtp
                || callerZone == MediaEncryption.FORCE_UNENCRYPTED && offersSrtp) {
            return null;
        }
        boolean forced = forced(callerZone) || forced(calleeZone);
        if (!forced) {
            return new EncryptionPlan(false, offersSrtp, offersSrtp);
        }
        boolean callee = calleeZone == MediaEncryption.FORCE_ENCRYPTED || calleeZone == MediaEncryption.BEST_EFFORT;
        return new EncryptionPlan(true, offersSrtp, callee);
    }

    /**
     * The plan as ICE passthrough changes it for an SRTP offer: passed through, the keys go end to end (this node
     * relays SRTP it cannot read, so the endpoints can move the media off it); configured but without TLS on every
     * leg, this node terminates SRTP and the inside leg is clear, its INVITE carrying no key (B-ICEP-07/08).
     */
    static EncryptionPlan of(MediaEncryption callerZone, MediaEncryption calleeZone, boolean offersSrtp,
            IcePassthroughMode ice) {
        EncryptionPlan plan = of(callerZone, calleeZone, offersSrtp);
        if (plan == null || !offersSrtp) {
            return plan;
        }
        return switch (ice) {
            case ON -> new EncryptionPlan(false, true, true);
            case WITHOUT_TLS -> plan.terminated() ? plan : new EncryptionPlan(true, true, false);
            case OFF -> plan;
        };
    }

    private static boolean forced(MediaEncryption mode) {
        return mode == MediaEncryption.FORCE_ENCRYPTED || mode == MediaEncryption.FORCE_UNENCRYPTED;
    }
}
