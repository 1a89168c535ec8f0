package org.edgeway.persistence.calls;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** One leg of a stored call ("Call components" of the call detail record), in the order the call crossed it. */
@Entity
@Table(name = "call_component")
public class CallComponentEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private int ordinal;
    /** {@code SIP} or {@code B2BUA}. */
    @Column(nullable = false)
    private String type;
    @Column(name = "source_address")
    private String sourceAddress;
    @Column(name = "destination_address")
    private String destinationAddress;
    @Column(name = "source_zone")
    private String sourceZone;
    @Column(name = "destination_zone")
    private String destinationZone;
    @Column(nullable = false)
    private String encryption;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "component_id", nullable = false, updatable = false)
    @OrderBy("ordinal")
    private List<MediaChannelEntry> media = new ArrayList<>();

    protected CallComponentEntry() {
    }

    @SuppressWarnings("java:S107")
    public CallComponentEntry(int ordinal, String type, String sourceAddress, String destinationAddress,
            String sourceZone, String destinationZone, String encryption, List<MediaChannelEntry> media) {
        this.ordinal = ordinal;
        this.type = type;
        this.sourceAddress = sourceAddress;
        this.destinationAddress = destinationAddress;
        this.sourceZone = sourceZone;
        this.destinationZone = destinationZone;
        this.encryption = encryption;
        this.media = new ArrayList<>(media);
    }

    public int getOrdinal() {
        return ordinal;
    }

    public String getType() {
        return type;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public String getDestinationAddress() {
        return destinationAddress;
    }

    public String getSourceZone() {
        return sourceZone;
    }

    public String getDestinationZone() {
        return destinationZone;
    }

    public String getEncryption() {
        return encryption;
    }

    public List<MediaChannelEntry> getMedia() {
        return media;
    }
}
