package io.velocity.orders;

/**
 * Where the engine sends orders: the paper simulator or the execution orchestrator (Rail A with
 * failover to Rail B). Every method returns at once (the engine thread never waits on I/O); the
 * outcome arrives later as {@link ExecutionReport}s through the listener given at construction.
 * Implementations must check the kill switch's rail flag immediately before anything leaves the
 * process.
 */
public interface OrderGateway extends AutoCloseable {

    /** Queues an order for sending. */
    void submit(OrderRequest request);

    /** Queues a cancel of one order. */
    void cancel(long clientOrderId, String venueOrderId);

    /** Queues a cancel of every order this gateway has working. */
    void cancelAll();

    /** True when the venue's FOK is trusted; otherwise the engine emulates FOK with FAK and reconciles. */
    boolean supportsNativeFok();

    /** A short name for the blotter and logs. */
    String name();

    @Override
    void close();
}
