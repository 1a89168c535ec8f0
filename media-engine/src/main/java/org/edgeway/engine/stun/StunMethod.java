package org.edgeway.engine.stun;

/** Registered STUN methods used here: Binding (RFC 8489 section 18.2) and the TURN methods (RFC 8656 section 17). */
public final class StunMethod {

    /** Binding: 0x001 (RFC 8489). */
    public static final int BINDING = 0x001;
    /** Allocate: 0x003, only request/response semantics defined (RFC 8656). */
    public static final int ALLOCATE = 0x003;
    /** Refresh: 0x004, only request/response semantics defined. */
    public static final int REFRESH = 0x004;
    /** Send: 0x006, only indication semantics defined. */
    public static final int SEND = 0x006;
    /** Data: 0x007, only indication semantics defined. */
    public static final int DATA = 0x007;
    /** CreatePermission: 0x008, only request/response semantics defined. */
    public static final int CREATE_PERMISSION = 0x008;
    /** ChannelBind: 0x009, only request/response semantics defined. */
    public static final int CHANNEL_BIND = 0x009;

    private StunMethod() {
    }

    public static String name(int method) {
        return switch (method) {
            case BINDING -> "Binding";
            case ALLOCATE -> "Allocate";
            case REFRESH -> "Refresh";
            case SEND -> "Send";
            case DATA -> "Data";
            case CREATE_PERMISSION -> "CreatePermission";
            case CHANNEL_BIND -> "ChannelBind";
            default -> String.format("0x%03X", method);
        };
    }

    /**
     * The 16-bit message type for a method and class (RFC 8489 section 5): the class bits C1 and C0 are interleaved
     * with the method bits M11..M0 as {@code M11..M7 C1 M6..M4 C0 M3..M0}.
     */
    public static int messageType(int method, StunClass cls) {
        int c = cls.bits();
        return (method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2)
                | ((c & 0b01) << 4) | ((c & 0b10) << 7);
    }

    /** The method bits of a 16-bit message type. */
    public static int methodOf(int messageType) {
        return (messageType & 0x000F) | ((messageType & 0x00E0) >> 1) | ((messageType & 0x3E00) >> 2);
    }

    /** The class of a 16-bit message type. */
    public static StunClass classOf(int messageType) {
        return StunClass.ofBits(((messageType >> 4) & 0b01) | ((messageType >> 7) & 0b10));
    }
}
