package org.edgeway.engine.dns;

/** The record types a lookup may ask for, with their RFC type codes. */
public enum RecordType {
    A(1), NS(2), CNAME(5), PTR(12), MX(15), TXT(16), AAAA(28), SRV(33), NAPTR(35);

    private final int code;

    RecordType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type of a code, or null for one this resolver does not show. */
    static RecordType of(int code) {
        for (RecordType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
