package org.edgeway.services.protection;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.edgeway.engine.net.Cidr;

/** The exemptions as the detector matches them: a source in a range is never blocked in the range's categories. */
record Exemptions(List<Range> ranges) {

    record Range(Cidr cidr, Set<String> categories) {
    }

    static final Exemptions NONE = new Exemptions(List.of());

    Exemptions {
        ranges = List.copyOf(ranges);
    }

    boolean exempt(String category, InetAddress source) {
        for (Range r : ranges) {
            if (r.categories().contains(category) && r.cidr().matches(source)) {
                return true;
            }
        }
        return false;
    }
}
