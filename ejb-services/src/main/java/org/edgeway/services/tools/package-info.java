/** Maintenance &gt; Tools: DNS lookup and port usage, read from the live node. */
package org.edgeway.services.tools;
