package org.edgeway.engine.dns;

/**
 * One resource record of an answer.
 *
 * @param name  owner name, without the final dot
 * @param type  record type
 * @param ttl   time to live, seconds
 * @param data  the record data in zone-file presentation ("192.0.2.1"; SRV "10 60 5061 expe.example.com")
 */
public record DnsRecord(String name, RecordType type, long ttl, String data) {
}
