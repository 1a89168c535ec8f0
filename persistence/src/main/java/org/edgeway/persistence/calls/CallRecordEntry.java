package org.edgeway.persistence.calls;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One ended call on Status &gt; Calls &gt; History: what the list filters and sorts on is a column here; the legs
 * ({@link CallComponentEntry}) are read only for the call detail record. Enumerations are stored by name.
 */
@Entity
@Table(name = "call_record")
@NamedQuery(name = CallRecordEntry.BY_SERIAL, query = "select c from CallRecordEntry c where c.serialNumber = :serial")
@NamedQuery(name = CallRecordEntry.SERIALS_IN,
        query = "select c.serialNumber from CallRecordEntry c where c.serialNumber in :serials")
public class CallRecordEntry {

    public static final String BY_SERIAL = "CallRecordEntry.bySerial";
    public static final String SERIALS_IN = "CallRecordEntry.serialsIn";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "serial_number", nullable = false, unique = true)
    private String serialNumber;
    private String tag;
    @Column(name = "start_time", nullable = false)
    private Instant startTime;
    @Column(name = "end_time")
    private Instant endTime;
    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;
    @Column(name = "source_alias", nullable = false)
    private String sourceAlias;
    @Column(name = "destination_alias", nullable = false)
    private String destinationAlias;
    @Column(nullable = false)
    private String protocol;
    @Column(nullable = false)
    private String status;
    @Column(name = "disconnect_reason", nullable = false)
    private String disconnectReason;
    @Column(name = "bandwidth_kbps", nullable = false)
    private long bandwidthKbps;
    @Column(name = "ice_call_type", nullable = false)
    private String iceCallType;
    /** Which endpoints offered ICE candidates: NONE, ONE_ENDPOINT, BOTH. */
    @Column(name = "ice_candidates", nullable = false)
    private String iceCandidates;
    /** The node had the required ICE configuration for the call (passthrough On, TLS on both legs). */
    @Column(name = "ice_configured", nullable = false)
    private boolean iceConfigured;
    @Column(nullable = false)
    private boolean b2bua;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "call_id", nullable = false, updatable = false)
    @OrderBy("ordinal")
    private List<CallComponentEntry> components = new ArrayList<>();

    protected CallRecordEntry() {
    }

    @SuppressWarnings("java:S107") // one column each, as the table has them
    public CallRecordEntry(String serialNumber, String tag, Instant startTime, Instant endTime, long durationMillis,
            String sourceAlias, String destinationAlias, String protocol, String status, String disconnectReason,
            long bandwidthKbps, String iceCallType, String iceCandidates, boolean iceConfigured, boolean b2bua,
            List<CallComponentEntry> components) {
        this.serialNumber = serialNumber;
        this.tag = tag;
        this.startTime = startTime;
        this.endTime = endTime;
        this.durationMillis = durationMillis;
        this.sourceAlias = sourceAlias;
        this.destinationAlias = destinationAlias;
        this.protocol = protocol;
        this.status = status;
        this.disconnectReason = disconnectReason;
        this.bandwidthKbps = bandwidthKbps;
        this.iceCallType = iceCallType;
        this.iceCandidates = iceCandidates;
        this.iceConfigured = iceConfigured;
        this.b2bua = b2bua;
        this.components = new ArrayList<>(components);
    }

    public Long getId() {
        return id;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public String getTag() {
        return tag;
    }

    public Instant getStartTime() {
        return startTime;
    }

    public Instant getEndTime() {
        return endTime;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    public String getSourceAlias() {
        return sourceAlias;
    }

    public String getDestinationAlias() {
        return destinationAlias;
    }

    public String getProtocol() {
        return protocol;
    }

    public String getStatus() {
        return status;
    }

    public String getDisconnectReason() {
        return disconnectReason;
    }

    public long getBandwidthKbps() {
        return bandwidthKbps;
    }

    public String getIceCallType() {
        return iceCallType;
    }

    public String getIceCandidates() {
        return iceCandidates;
    }

    public boolean isIceConfigured() {
        return iceConfigured;
    }

    public boolean isB2bua() {
        return b2bua;
    }

    public List<CallComponentEntry> getComponents() {
        return components;
    }
}
