package org.edgeway.services.calls;

import java.util.List;

/** The call detail record: the call's fields and its components in the order the call crossed them. */
public record CallDetail(CallRow call, List<CallLeg> components) {

    public CallDetail {
        components = List.copyOf(components);
    }
}
