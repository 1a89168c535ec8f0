/**
 * Metrics for scraping (calls, ICE outcomes, TURN relays, registrations and relayed packets as OpenMetrics text),
 * and the last 24 hours of activity for the Status &gt; Overview charts.
 */
package org.edgeway.services.metrics;
