package org.sicube.jobs.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use of this JVM (driver and local executors alike) while a measurement runs, in MB (10^6
 * bytes): the largest heap in use sampled every 50 ms, which includes garbage not yet collected and
 * so depends on the collector's sizing, and the largest heap left in use right after a collection,
 * which is what the work actually keeps alive.
 */
final class HeapSampler implements AutoCloseable {
    /** Peak heap in use and peak heap in use after a collection, in MB. */
    record Peak(double usedMb, double afterGcMb) {
    }

    private static final long PERIOD_MS = 50;
    private final Thread sampler;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Set<String> heapPools;
    private volatile boolean running = true;
    private volatile long maxUsed;
    private volatile long maxAfterGc;

    private HeapSampler() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
        // Called right after a full collection: what is in use now is the baseline live heap.
        maxAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        sampler = new Thread(this::sample, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling now; call it right after {@code System.gc()}. */
    static HeapSampler start() {
        return new HeapSampler();
    }

    private void sample() {
        while (running) {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            maxUsed = Math.max(maxUsed, used);
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long after = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                after += e.getValue().getUsed();
            }
        }
        synchronized (this) {
            maxAfterGc = Math.max(maxAfterGc, after);
        }
    }

    /** Stops sampling and returns the peaks seen since {@link #start()}. */
    Peak stop() {
        close();
        long last = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Peak(Math.max(maxUsed, last) / 1e6, maxAfterGc / 1e6);
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        sampler.interrupt();
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already removed
            }
        }
    }
}
