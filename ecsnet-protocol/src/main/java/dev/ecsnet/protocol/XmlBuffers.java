package dev.ecsnet.protocol;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Working buffers for {@link XmlWriter}s, kept from one answer to the next: growing a fresh buffer through every
 * doubling to a DescribeSubnets' 8 KB was most of an answer's garbage. A pool rather than one buffer per thread,
 * because an EC2 answer's members are written on the engine thread and enveloped on the HTTP thread. Taking from an
 * empty pool allocates; giving to a full one drops the buffer, as it does buffers grown past {@link #KEEP_AT_MOST}.
 */
final class XmlBuffers {
    static final int FRESH_SIZE = 8192;
    static final int KEEP_AT_MOST = 256 * 1024;
    private static final int SLOTS = 32;
    private static final AtomicReferenceArray<byte[]> SPARE = new AtomicReferenceArray<>(SLOTS);

    private XmlBuffers() {
    }

    static byte[] take() {
        int start = home();
        for (int i = 0; i < SLOTS; i++) {
            int slot = (start + i) & (SLOTS - 1);
            byte[] buf = SPARE.get(slot) == null ? null : SPARE.getAndSet(slot, null);
            if (buf != null) {
                return buf;
            }
        }
        return new byte[FRESH_SIZE];
    }

    static void give(byte[] buf) {
        if (buf.length > KEEP_AT_MOST) {
            return;
        }
        int start = home();
        for (int i = 0; i < SLOTS; i++) {
            if (SPARE.compareAndSet((start + i) & (SLOTS - 1), null, buf)) {
                return;
            }
        }
    }

    /** Threads start their search at different slots, so that they rarely touch the same one. */
    private static int home() {
        return System.identityHashCode(Thread.currentThread());
    }
}
