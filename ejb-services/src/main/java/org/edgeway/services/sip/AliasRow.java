package org.edgeway.services.sip;

import java.io.Serializable;
import java.util.List;

/** One address of record on Status &gt; Registrations &gt; By alias, with the contacts bound to it. */
public record AliasRow(String addressOfRecord, List<String> contacts) implements Serializable {

    public String getAddressOfRecord() {
        return addressOfRecord;
    }

    public List<String> getContacts() {
        return contacts;
    }

    public int getBindings() {
        return contacts.size();
    }
}
