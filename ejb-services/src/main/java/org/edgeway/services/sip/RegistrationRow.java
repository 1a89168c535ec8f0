package org.edgeway.services.sip;

import java.io.Serializable;
import java.time.Instant;
import org.edgeway.engine.sip.SipSnapshot;

/** One registration binding on Status &gt; Registrations &gt; By device. */
public record RegistrationRow(String addressOfRecord, String contact, String transport, String sourceAddress,
        String zone, Instant registeredAt, long expiresInSeconds) implements Serializable {

    static RegistrationRow of(SipSnapshot.RegistrationView r) {
        return new RegistrationRow(r.addressOfRecord(), r.contact(), r.transport(), r.sourceAddress(), r.zone(),
                r.registeredAt(), Math.max(0, r.expiresIn().toSeconds()));
    }

    public String getAddressOfRecord() {
        return addressOfRecord;
    }

    public String getContact() {
        return contact;
    }

    public String getTransport() {
        return transport;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public String getZone() {
        return zone;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public long getExpiresInSeconds() {
        return expiresInSeconds;
    }

    /** A stable key for table rows. */
    public String getKey() {
        return addressOfRecord + " " + contact;
    }
}
