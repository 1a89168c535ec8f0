package org.edgeway.persistence.calls;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One relayed media channel of a stored leg with its final counters. */
@Entity
@Table(name = "media_channel")
public class MediaChannelEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private int ordinal;
    @Column(nullable = false)
    private String name;
    @Column(name = "from_address")
    private String fromAddress;
    @Column(name = "to_address")
    private String toAddress;
    @Column(nullable = false)
    private long packets;
    @Column(nullable = false)
    private long bytes;
    @Column(nullable = false)
    private long lost;
    @Column(name = "jitter_ms", nullable = false)
    private double jitterMillis;

    protected MediaChannelEntry() {
    }

    @SuppressWarnings("java:S107")
    public MediaChannelEntry(int ordinal, String name, String fromAddress, String toAddress, long packets, long bytes,
            long lost, double jitterMillis) {
        this.ordinal = ordinal;
        this.name = name;
        this.fromAddress = fromAddress;
        this.toAddress = toAddress;
        this.packets = packets;
        this.bytes = bytes;
        this.lost = lost;
        this.jitterMillis = jitterMillis;
    }

    public int getOrdinal() {
        return ordinal;
    }

    public String getName() {
        return name;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public String getToAddress() {
        return toAddress;
    }

    public long getPackets() {
        return packets;
    }

    public long getBytes() {
        return bytes;
    }

    public long getLost() {
        return lost;
    }

    public double getJitterMillis() {
        return jitterMillis;
    }
}
