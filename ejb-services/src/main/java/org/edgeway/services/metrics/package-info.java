/** Metrics for scraping: the node's calls, ICE outcomes, TURN relays, registrations and relayed packets as OpenMetrics text. */
package org.edgeway.services.metrics;
