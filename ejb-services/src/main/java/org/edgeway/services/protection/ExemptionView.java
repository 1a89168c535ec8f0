package org.edgeway.services.protection;

import java.io.Serializable;
import java.util.List;

/** One exemption (P40): the range and the categories (ids and names, in category order) it applies to. */
public record ExemptionView(long id, String address, int prefixLength, List<String> categories,
        List<String> categoryNames) implements Serializable {

    public ExemptionView {
        categories = List.copyOf(categories);
        categoryNames = List.copyOf(categoryNames);
    }

    /** The category names as the list shows them. */
    public String categoriesText() {
        return String.join(", ", categoryNames);
    }
}
