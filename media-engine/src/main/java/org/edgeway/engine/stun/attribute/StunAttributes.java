package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.edgeway.engine.stun.StunDecoderException;

/** Maps attribute types to their decoders and names. */
public final class StunAttributes {

    private StunAttributes() {
    }

    /**
     * Decodes one attribute value.
     *
     * @param type          attribute type
     * @param value         exactly the value bytes (no header, no padding); not consumed
     * @param transactionId the message transaction ID
     * @return the attribute, or an {@link UnknownAttribute}
     * @throws StunDecoderException if a known attribute has a malformed value
     */
    public static StunAttribute decode(int type, ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return switch (type) {
            case MappedAddressAttribute.TYPE -> MappedAddressAttribute.decode(value, transactionId);
            case UsernameAttribute.TYPE -> UsernameAttribute.decode(value, transactionId);
            case MessageIntegrityAttribute.TYPE -> MessageIntegrityAttribute.decode(value, transactionId);
            case ErrorCodeAttribute.TYPE -> ErrorCodeAttribute.decode(value, transactionId);
            case UnknownAttributesAttribute.TYPE -> UnknownAttributesAttribute.decode(value, transactionId);
            case ChannelNumberAttribute.TYPE -> ChannelNumberAttribute.decode(value, transactionId);
            case LifetimeAttribute.TYPE -> LifetimeAttribute.decode(value, transactionId);
            case XorPeerAddressAttribute.TYPE -> XorPeerAddressAttribute.decode(value, transactionId);
            case DataAttribute.TYPE -> DataAttribute.decode(value, transactionId);
            case RealmAttribute.TYPE -> RealmAttribute.decode(value, transactionId);
            case NonceAttribute.TYPE -> NonceAttribute.decode(value, transactionId);
            case XorRelayedAddressAttribute.TYPE -> XorRelayedAddressAttribute.decode(value, transactionId);
            case RequestedAddressFamilyAttribute.TYPE -> RequestedAddressFamilyAttribute.decode(value, transactionId);
            case EvenPortAttribute.TYPE -> EvenPortAttribute.decode(value, transactionId);
            case RequestedTransportAttribute.TYPE -> RequestedTransportAttribute.decode(value, transactionId);
            case DontFragmentAttribute.TYPE -> DontFragmentAttribute.decode(value, transactionId);
            case MessageIntegritySha256Attribute.TYPE -> MessageIntegritySha256Attribute.decode(value, transactionId);
            case PasswordAlgorithmAttribute.TYPE -> PasswordAlgorithmAttribute.decode(value, transactionId);
            case UserhashAttribute.TYPE -> UserhashAttribute.decode(value, transactionId);
            case XorMappedAddressAttribute.TYPE -> XorMappedAddressAttribute.decode(value, transactionId);
            case ReservationTokenAttribute.TYPE -> ReservationTokenAttribute.decode(value, transactionId);
            case PriorityAttribute.TYPE -> PriorityAttribute.decode(value, transactionId);
            case UseCandidateAttribute.TYPE -> UseCandidateAttribute.decode(value, transactionId);
            case AdditionalAddressFamilyAttribute.TYPE ->
                    AdditionalAddressFamilyAttribute.decode(value, transactionId);
            case AddressErrorCodeAttribute.TYPE -> AddressErrorCodeAttribute.decode(value, transactionId);
            case PasswordAlgorithmsAttribute.TYPE -> PasswordAlgorithmsAttribute.decode(value, transactionId);
            case AlternateDomainAttribute.TYPE -> AlternateDomainAttribute.decode(value, transactionId);
            case IcmpAttribute.TYPE -> IcmpAttribute.decode(value, transactionId);
            case SoftwareAttribute.TYPE -> SoftwareAttribute.decode(value, transactionId);
            case AlternateServerAttribute.TYPE -> AlternateServerAttribute.decode(value, transactionId);
            case FingerprintAttribute.TYPE -> FingerprintAttribute.decode(value, transactionId);
            case IceControlledAttribute.TYPE -> IceControlledAttribute.decode(value, transactionId);
            case IceControllingAttribute.TYPE -> IceControllingAttribute.decode(value, transactionId);
            default -> new UnknownAttribute(type, ByteBufUtil.getBytes(value));
        };
    }

    /** True if this implementation decodes the type (it is not reported in UNKNOWN-ATTRIBUTES). */
    public static boolean isKnown(int type) {
        return !name(type).startsWith("0x");
    }

    /** The IANA name of a type, or its hex value. */
    public static String name(int type) {
        return switch (type) {
            case MappedAddressAttribute.TYPE -> "MAPPED-ADDRESS";
            case UsernameAttribute.TYPE -> "USERNAME";
            case MessageIntegrityAttribute.TYPE -> "MESSAGE-INTEGRITY";
            case ErrorCodeAttribute.TYPE -> "ERROR-CODE";
            case UnknownAttributesAttribute.TYPE -> "UNKNOWN-ATTRIBUTES";
            case ChannelNumberAttribute.TYPE -> "CHANNEL-NUMBER";
            case LifetimeAttribute.TYPE -> "LIFETIME";
            case XorPeerAddressAttribute.TYPE -> "XOR-PEER-ADDRESS";
            case DataAttribute.TYPE -> "DATA";
            case RealmAttribute.TYPE -> "REALM";
            case NonceAttribute.TYPE -> "NONCE";
            case XorRelayedAddressAttribute.TYPE -> "XOR-RELAYED-ADDRESS";
            case RequestedAddressFamilyAttribute.TYPE -> "REQUESTED-ADDRESS-FAMILY";
            case EvenPortAttribute.TYPE -> "EVEN-PORT";
            case RequestedTransportAttribute.TYPE -> "REQUESTED-TRANSPORT";
            case DontFragmentAttribute.TYPE -> "DONT-FRAGMENT";
            case MessageIntegritySha256Attribute.TYPE -> "MESSAGE-INTEGRITY-SHA256";
            case PasswordAlgorithmAttribute.TYPE -> "PASSWORD-ALGORITHM";
            case UserhashAttribute.TYPE -> "USERHASH";
            case XorMappedAddressAttribute.TYPE -> "XOR-MAPPED-ADDRESS";
            case ReservationTokenAttribute.TYPE -> "RESERVATION-TOKEN";
            case PriorityAttribute.TYPE -> "PRIORITY";
            case UseCandidateAttribute.TYPE -> "USE-CANDIDATE";
            case AdditionalAddressFamilyAttribute.TYPE -> "ADDITIONAL-ADDRESS-FAMILY";
            case AddressErrorCodeAttribute.TYPE -> "ADDRESS-ERROR-CODE";
            case PasswordAlgorithmsAttribute.TYPE -> "PASSWORD-ALGORITHMS";
            case AlternateDomainAttribute.TYPE -> "ALTERNATE-DOMAIN";
            case IcmpAttribute.TYPE -> "ICMP";
            case SoftwareAttribute.TYPE -> "SOFTWARE";
            case AlternateServerAttribute.TYPE -> "ALTERNATE-SERVER";
            case FingerprintAttribute.TYPE -> "FINGERPRINT";
            case IceControlledAttribute.TYPE -> "ICE-CONTROLLED";
            case IceControllingAttribute.TYPE -> "ICE-CONTROLLING";
            default -> String.format("0x%04X", type);
        };
    }
}
