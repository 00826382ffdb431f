package io.velocity.storage;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.EventTranslatorTwoArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded, lock-free hand-off from any number of producer threads to one consumer thread
 * (a Disruptor ring polled by its owner). Producers never block and never wait for I/O:
 * {@link #offer} either claims a slot or returns {@code false} at once. The consumer drains in
 * batches and parks when idle; a producer wakes it only when it is actually parked, so the
 * common path costs one CAS and one release store.
 *
 * @param <T> the handed-off item; published safely to the consumer by the ring's sequence
 */
public final class ManyToOneHandoff<T> {

    /** Receives drained items on the consumer thread. */
    @FunctionalInterface
    public interface Drain<T> {
        /**
         * @param item          the item, in the order producers claimed their slots
         * @param enqueuedNanos {@link System#nanoTime()} when it was offered
         */
        void accept(T item, long enqueuedNanos) throws Exception;
    }

    private static final class Slot<T> {
        T item;
        long enqueuedNanos;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final EventTranslatorTwoArg TRANSLATOR = (EventTranslatorTwoArg<Slot<Object>, Object, Long>)
            (slot, seq, item, nanos) -> {
                slot.item = item;
                slot.enqueuedNanos = nanos;
            };

    private final RingBuffer<Slot<T>> ring;
    private final EventPoller<Slot<T>> poller;
    private final EventPoller.Handler<Slot<T>> pollHandler = this::onSlot;
    private final int capacity;
    private volatile Thread parkedConsumer;

    // consumer-thread state for the current drain() call (reused so draining allocates nothing)
    private Drain<? super T> currentDrain;
    private int drainLimit;
    private int drained;

    /** @param capacity slots; rounded up to a power of two */
    public ManyToOneHandoff(int capacity) {
        if (capacity < 1 || capacity > (1 << 28)) {
            throw new IllegalArgumentException("capacity must be 1.." + (1 << 28) + ": " + capacity);
        }
        int slots = 1;
        while (slots < capacity) {
            slots <<= 1;
        }
        this.capacity = slots;
        this.ring = RingBuffer.createMultiProducer(Slot::new, this.capacity);
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
    }

    /** Slots in the ring (a power of two). */
    public int capacity() {
        return capacity;
    }

    /**
     * Hands {@code item} to the consumer without blocking.
     *
     * @return false when the ring is full (the item was not taken)
     */
    @SuppressWarnings("unchecked")
    public boolean offer(T item) {
        if (!ring.tryPublishEvent(TRANSLATOR, item, System.nanoTime())) {
            return false;
        }
        // The publish is a release store; without a full fence the read of parkedConsumer could
        // move before it and miss a consumer that parked after checking an empty ring.
        VarHandle.fullFence();
        Thread t = parkedConsumer;
        if (t != null) {
            LockSupport.unpark(t);
        }
        return true;
    }

    /** Items offered but not yet drained (approximate while producers race). */
    public long size() {
        return capacity - ring.remainingCapacity();
    }

    /**
     * Consumer thread only: passes up to {@code limit} items to {@code drain} in order. An item
     * whose {@code accept} throws stays at the head and is passed again by the next call.
     *
     * @return how many items were drained
     */
    public int drain(Drain<? super T> drain, int limit) throws Exception {
        currentDrain = drain;
        drainLimit = limit;
        drained = 0;
        try {
            poller.poll(pollHandler);
            return drained;
        } finally {
            currentDrain = null;
        }
    }

    private boolean onSlot(Slot<T> slot, long sequence, boolean endOfBatch) throws Exception {
        // If accept throws, the poller leaves this slot unconsumed and the next drain retries it.
        currentDrain.accept(slot.item, slot.enqueuedNanos);
        slot.item = null; // let the item be collected once consumed
        drained++;
        return drained < drainLimit;
    }

    /**
     * Consumer thread only: parks until a producer offers something or {@code maxNanos} pass.
     * Returns at once when items are already waiting.
     */
    public void awaitItems(long maxNanos) {
        if (maxNanos <= 0) {
            return;
        }
        parkedConsumer = Thread.currentThread();
        // Pairs with the fence in offer() (Dekker): either this check sees the producer's claim,
        // or the producer sees parkedConsumer and unparks; never neither.
        VarHandle.fullFence();
        try {
            if (size() == 0) {
                LockSupport.parkNanos(this, maxNanos);
            }
        } finally {
            parkedConsumer = null;
        }
    }
}
