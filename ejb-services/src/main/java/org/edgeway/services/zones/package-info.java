/**
 * Configuration &gt; Zones &gt; Zones (P29, P30): neighbor, traversal client, traversal server and Unified
 * Communications traversal zones, their rules, their part of the SIP engine configuration and their status.
 */
package org.edgeway.services.zones;
