package org.edgeway.services.turn;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.edgeway.engine.turn.TurnSnapshot;

/** One live relay on Status &gt; TURN relay usage, with its permissions, channels and counters. */
public record RelayRow(String clientAddress, String serverAddress, String transport, String username,
        String relayAddresses, long ageSeconds, long lifetimeLeftSeconds, List<String> permissions,
        List<String> channels, long packetsFromClient, long bytesFromClient, long packetsToClient, long bytesToClient,
        long packetsDropped) implements Serializable {

    static RelayRow of(TurnSnapshot.RelayView r) {
        return new RelayRow(r.clientAddress(), r.serverAddress(), r.transport(), r.username(),
                String.join(", ", r.relayAddresses()), r.age().toSeconds(), r.lifetimeLeft().toSeconds(),
                r.permissions().stream().map(p -> p.peerAddress() + " (" + seconds(p.expiresIn()) + " s left)").toList(),
                r.channels().stream().map(c -> String.format("0x%04X %s (%d s left)", c.channel(), c.peerAddress(),
                        seconds(c.expiresIn()))).toList(),
                r.packetsFromClient(), r.bytesFromClient(), r.packetsToClient(), r.bytesToClient(), r.packetsDropped());
    }

    private static long seconds(Duration d) {
        return Math.max(0, d.toSeconds());
    }

    /** A stable key for table rows and detail links. */
    public String getKey() {
        return transport + "-" + clientAddress + "-" + serverAddress;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getServerAddress() {
        return serverAddress;
    }

    public String getTransport() {
        return transport;
    }

    public String getUsername() {
        return username;
    }

    public String getRelayAddresses() {
        return relayAddresses;
    }

    public long getAgeSeconds() {
        return ageSeconds;
    }

    public long getLifetimeLeftSeconds() {
        return lifetimeLeftSeconds;
    }

    public List<String> getPermissions() {
        return permissions;
    }

    public List<String> getChannels() {
        return channels;
    }

    public long getPacketsFromClient() {
        return packetsFromClient;
    }

    public long getBytesFromClient() {
        return bytesFromClient;
    }

    public long getPacketsToClient() {
        return packetsToClient;
    }

    public long getBytesToClient() {
        return bytesToClient;
    }

    public long getPacketsDropped() {
        return packetsDropped;
    }
}
