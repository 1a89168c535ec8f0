package org.edgeway.engine.sip.proxy;

import java.util.List;

/**
 * The outcome of a walk through the dial plan.
 *
 * @param targets where to send the request, best first (empty = not found)
 * @param tried   each rule tried with its outcome
 */
record Search(List<Target> targets, List<String> tried) {
}
