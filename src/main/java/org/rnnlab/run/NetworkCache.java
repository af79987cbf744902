package org.rnnlab.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.core.Network;

/**
 * Networks by {@code (n, seed)}, shared read-only by every run and session, least recently used evicted
 * past a byte budget. Building one costs {@code n^2} Gaussian draws (~40 ms at n = 1000), holding it
 * {@code 8 n^2} bytes: a class opening the same link builds it once.
 */
public final class NetworkCache {
    private record Key(int n, long seed) {}

    private final long budgetBytes;
    private final LinkedHashMap<Key, Network> networks = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    public NetworkCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    public synchronized Network get(int n, long seed) {
        Key key = new Key(n, seed);
        Network network = networks.get(key);
        if (network == null) {
            network = Network.create(n, seed);
            networks.put(key, network);
            bytes += network.sizeInBytes();
            evict(key);
        }
        return network;
    }

    private void evict(Key keep) {
        var it = networks.entrySet().iterator();
        while (bytes > budgetBytes && it.hasNext()) {
            Map.Entry<Key, Network> eldest = it.next();
            if (eldest.getKey().equals(keep)) continue;
            bytes -= eldest.getValue().sizeInBytes();
            it.remove();
        }
    }

    public synchronized int size() {
        return networks.size();
    }
}
