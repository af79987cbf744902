package org.rnnlab.run;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.rnnlab.core.Network;
import org.rnnlab.experiment.ExperimentConfig;

/**
 * Networks by {@code (n, seed, p)}, shared read-only by every run and session, least recently used evicted
 * past a byte budget. Building one costs {@code n^2} Gaussian draws (~40 ms at n = 1000, ~170 ms at 2000),
 * holding it {@code 4 n^2} bytes: a class opening the same link builds it once. The lock only guards the map:
 * a network is built outside it, by the first caller, while later callers for the same key wait for that
 * build alone and callers for other keys are not held up at all.
 */
public final class NetworkCache {
    private record Key(int n, long seed, double p) {}

    private final long budgetBytes;
    private final LinkedHashMap<Key, CompletableFuture<Network>> networks = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    public NetworkCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** The network of {@code config} ({@code n, seed, p}). */
    public Network get(ExperimentConfig config) {
        return get(config.n(), config.seed(), config.p());
    }

    public Network get(int n, long seed, double p) {
        Key key = new Key(n, seed, p);
        CompletableFuture<Network> future;
        boolean build = false;
        synchronized (this) {
            future = networks.get(key);
            if (future == null) {
                future = new CompletableFuture<>();
                networks.put(key, future);
                build = true;
            }
        }
        if (build) {
            try {
                Network network = Network.create(n, seed, p);
                synchronized (this) {
                    if (networks.get(key) == future) {
                        bytes += network.sizeInBytes();
                        evict(key);
                    }
                }
                future.complete(network);
            } catch (RuntimeException | Error e) {
                // Never cache a failure (e.g. out of memory): the next caller tries again.
                synchronized (this) {
                    networks.remove(key, future);
                }
                future.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another run built the network", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("building the network failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Drops built networks, oldest first, until the budget holds (the one just built stays). */
    private void evict(Key keep) {
        Iterator<Map.Entry<Key, CompletableFuture<Network>>> it = networks.entrySet().iterator();
        while (bytes > budgetBytes && it.hasNext()) {
            Map.Entry<Key, CompletableFuture<Network>> eldest = it.next();
            if (eldest.getKey().equals(keep) || !eldest.getValue().isDone()) continue;
            bytes -= eldest.getValue().join().sizeInBytes();
            it.remove();
        }
    }

    public synchronized int size() {
        return networks.size();
    }
}
