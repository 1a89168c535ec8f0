package org.edgeway.services.protection;

import java.io.Serializable;
import java.time.Instant;

/** One blocked address (P41): in which category, since when and until when. */
public record BlockView(long id, String address, String categoryId, String category, Instant blockedSince,
        Instant expires) implements Serializable {
}
