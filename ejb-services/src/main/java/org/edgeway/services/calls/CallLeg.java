package org.edgeway.services.calls;

import java.util.List;

/** One of the "Call components" of a call detail record; {@code type} "B2BUA" marks the B2BUA's own leg. */
public record CallLeg(String type, String sourceAddress, String destinationAddress, String sourceZone,
        String destinationZone, String encryption, List<CallMedia> media) {

    public CallLeg {
        media = List.copyOf(media);
    }

    public boolean isB2bua() {
        return "B2BUA".equals(type);
    }
}
