/** Zones and the dial plan: neighbor and traversal zones, search rules, traversal connections between C and E. */
package org.edgeway.engine.zones;
