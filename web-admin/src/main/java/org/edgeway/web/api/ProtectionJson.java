package org.edgeway.web.api;

import java.util.List;
import org.edgeway.services.protection.BlockView;
import org.edgeway.services.protection.CategoryStatus;
import org.edgeway.services.protection.CategoryView;
import org.edgeway.services.protection.ExemptionView;

/** What the API shows of System &gt; Protection &gt; Automated detection; times as ISO-8601 instants. */
public final class ProtectionJson {

    private ProtectionJson() {
    }

    /** A category; {@code state} is "On" or "Off" as on the page. Windows and durations in seconds. */
    public record Category(String id, String name, String state, String description, int triggerLevel,
            int detectionWindow, int blockDuration) {
        static Category of(CategoryView c) {
            return new Category(c.id(), c.name(), c.enabled() ? "On" : "Off", c.description(), c.triggerLevel(),
                    c.detectionWindow(), c.blockDuration());
        }
    }

    public record Exemption(long id, String address, int prefixLength, List<String> categories) {
        static Exemption of(ExemptionView e) {
            return new Exemption(e.id(), e.address(), e.prefixLength(), e.categories());
        }
    }

    public record BlockedAddress(long id, String address, String category, String categoryName, String blockedSince,
            String expires) {
        static BlockedAddress of(BlockView b) {
            return new BlockedAddress(b.id(), b.address(), b.categoryId(), b.category(), b.blockedSince().toString(),
                    b.expires().toString());
        }
    }

    public record Status(String id, String name, String status, int currentlyBlocked, long totalFailures,
            long totalBlocks, int exemptions) {
        static Status of(CategoryStatus s) {
            return new Status(s.id(), s.name(), s.enabled() ? "On" : "Off", s.currentlyBlocked(), s.totalFailures(),
                    s.totalBlocks(), s.exemptions());
        }
    }
}
