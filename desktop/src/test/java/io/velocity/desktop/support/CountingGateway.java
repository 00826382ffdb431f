package io.velocity.desktop.support;

import io.velocity.orders.OrderGateway;
import io.velocity.orders.OrderRequest;

import java.util.concurrent.atomic.AtomicLong;

/** Passes everything to the real gateway and counts the orders that reached it. */
public final class CountingGateway implements OrderGateway {
    private final OrderGateway delegate;
    private final AtomicLong submitted = new AtomicLong();

    public CountingGateway(OrderGateway delegate) {
        this.delegate = delegate;
    }

    public long submitted() {
        return submitted.get();
    }

    @Override
    public void submit(OrderRequest request) {
        submitted.incrementAndGet();
        delegate.submit(request);
    }

    @Override
    public void cancel(long clientOrderId, String venueOrderId) {
        delegate.cancel(clientOrderId, venueOrderId);
    }

    @Override
    public void cancelAll() {
        delegate.cancelAll();
    }

    @Override
    public boolean supportsNativeFok() {
        return delegate.supportsNativeFok();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
