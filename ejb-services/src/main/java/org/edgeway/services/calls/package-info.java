/**
 * Status &gt; Calls (active calls read live from the engine's {@code CallControl}, Disconnect), Status &gt; Calls &gt;
 * History (records stored when a call ends, paged, sorted and filtered in the database, exported as CSV while
 * being read) and the ICE passthrough metrics computed from the stored records.
 */
package org.edgeway.services.calls;
