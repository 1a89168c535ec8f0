package org.edgeway.engine.calls;

import java.util.List;

/**
 * One leg of a call as it crossed this node: the call detail record's "Call components". On a C, a call between an
 * MRA endpoint and Unified CM has the B2BUA leg (type {@link Type#B2BUA}) between the two SIP legs.
 *
 * @param type             SIP leg or the B2BUA's own leg
 * @param sourceAddress    where this leg's signalling came from, "transport:ip:port"
 * @param destinationAddress where it went
 * @param sourceZone       zone the leg came from ("DefaultZone", "LocalZone", a configured zone ...)
 * @param destinationZone  zone it went to
 * @param encryption       media encryption on this leg
 * @param media            media channels of this leg, with their counters
 */
public record CallComponent(Type type, String sourceAddress, String destinationAddress, String sourceZone,
        String destinationZone, MediaEncryption encryption, List<MediaChannel> media) {

    public CallComponent {
        encryption = encryption == null ? MediaEncryption.NONE : encryption;
        media = List.copyOf(media);
    }

    public enum Type {
        SIP("SIP"), B2BUA("B2BUA");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
