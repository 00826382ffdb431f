package io.velocity.execution.paper;

import io.velocity.marketdata.AlloraSignal;
import io.velocity.marketdata.BookTop;
import io.velocity.marketdata.FeedStatus;
import io.velocity.marketdata.LastTrade;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.SpotUpdate;
import io.velocity.marketdata.UserOrderEvent;
import io.velocity.marketdata.UserTradeEvent;
import io.velocity.marketdata.WindowOpen;
import io.velocity.orders.ExecutionListener;
import io.velocity.orders.ExecutionReport;
import io.velocity.orders.OrderGateway;
import io.velocity.orders.OrderRequest;
import io.velocity.risk.KillSwitch;
import io.velocity.strategy.TakerFee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Paper trading against a real (or simulated) order book, honestly: taker orders walk the book
 * levels that were visible when the order arrived and consume them (a second order cannot fill
 * against the same liquidity before the next book update); FOK fills completely or is killed; FAK
 * fills what is there and cancels the rest; resting orders keep their place in the queue behind the
 * size that was already at their price, and fill only when prints at their price eat through that
 * queue or the opposite side trades through them. Makers pay no fee; takers pay the market's fee.
 *
 * <p>Runs on its own thread; the engine's calls only enqueue.
 */
public final class PaperGateway implements OrderGateway, MarketDataSink {
    private static final Logger log = LoggerFactory.getLogger(PaperGateway.class);
    public static final String FOK_KILLED = "order couldn't be fully filled. FOK orders are fully filled or killed.";

    private final ExecutionListener listener;
    private final KillSwitch killSwitch;
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Map<String, Book> books = new HashMap<>();
    private final Map<Long, Resting> resting = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private long venueIds = 1;

    private record Submit(OrderRequest request) {
    }

    private record Cancel(long clientOrderId) {
    }

    private record CancelAll() {
    }

    private static final class Book {
        long[] bidP = new long[0];
        long[] bidS = new long[0];
        long[] askP = new long[0];
        long[] askS = new long[0];
    }

    private static final class Resting {
        final OrderRequest request;
        final String venueId;
        long remaining;
        long queueAhead;

        Resting(OrderRequest request, String venueId, long queueAhead) {
            this.request = request;
            this.venueId = venueId;
            this.remaining = request.sizeMicros();
            this.queueAhead = queueAhead;
        }
    }

    public PaperGateway(ExecutionListener listener, KillSwitch killSwitch) {
        this.listener = listener;
        this.killSwitch = killSwitch;
        this.thread = Thread.ofPlatform().name("paper-gateway").daemon().start(this::run);
    }

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public boolean supportsNativeFok() {
        return true;
    }

    @Override
    public void submit(OrderRequest request) {
        inbox.add(new Submit(request));
    }

    @Override
    public void cancel(long clientOrderId, String venueOrderId) {
        inbox.add(new Cancel(clientOrderId));
    }

    @Override
    public void cancelAll() {
        inbox.add(new CancelAll());
    }

    @Override
    public void onBookTop(BookTop top) {
        inbox.add(top);
    }

    @Override
    public void onLastTrade(LastTrade trade) {
        inbox.add(trade);
    }

    private void run() {
        while (running) {
            Object msg;
            try {
                msg = inbox.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (msg == null) {
                continue;
            }
            try {
                switch (msg) {
                    case Submit s -> onSubmit(s.request());
                    case Cancel c -> onCancel(c.clientOrderId());
                    case CancelAll ignored -> {
                        for (Long id : new ArrayList<>(resting.keySet())) {
                            onCancel(id);
                        }
                    }
                    case BookTop t -> onBook(t);
                    case LastTrade lt -> onPrint(lt);
                    default -> log.warn("paper gateway: unexpected message {}", msg.getClass().getSimpleName());
                }
            } catch (RuntimeException e) {
                log.error("paper gateway failed on {}", msg.getClass().getSimpleName(), e);
            }
        }
    }

    private void onSubmit(OrderRequest r) {
        // The rail-side kill-switch check: nothing leaves once the flag is up.
        if (killSwitch.isHalted()) {
            report(r, ExecutionReport.Kind.REJECT, "", 0, 0, 0, "kill switch engaged");
            return;
        }
        Book b = books.get(r.tokenId());
        if (b == null) {
            report(r, ExecutionReport.Kind.REJECT, "", 0, 0, 0, "no order book for token");
            return;
        }
        String venueId = "paper-" + venueIds++;
        if (r.tif().marketable()) {
            take(r, b, venueId);
            return;
        }
        long[] oppP = r.buy() ? b.askP : b.bidP;
        if (oppP.length > 0 && (r.buy() ? r.priceE4() >= oppP[0] : r.priceE4() <= oppP[0])) {
            if (r.postOnly()) {
                report(r, ExecutionReport.Kind.REJECT, "", 0, 0, 0, "invalid post-only order: order crosses book");
                return;
            }
            take(r, b, venueId);
            return;
        }
        long ahead = 0;
        long[] sameP = r.buy() ? b.bidP : b.askP;
        long[] sameS = r.buy() ? b.bidS : b.askS;
        for (int i = 0; i < sameP.length; i++) {
            if (sameP[i] == r.priceE4()) {
                ahead = sameS[i];
            }
        }
        resting.put(r.clientOrderId(), new Resting(r, venueId, ahead));
        report(r, ExecutionReport.Kind.ACK, venueId, 0, 0, 0, "live");
    }

    private void take(OrderRequest r, Book b, String venueId) {
        long[] p = r.buy() ? b.askP : b.bidP;
        long[] s = r.buy() ? b.askS : b.bidS;
        long available = 0;
        for (int i = 0; i < p.length && (r.buy() ? p[i] <= r.priceE4() : p[i] >= r.priceE4()); i++) {
            available += s[i];
        }
        if (r.tif() == io.velocity.orders.TimeInForce.FOK && available < r.sizeMicros()) {
            report(r, ExecutionReport.Kind.REJECT, "", 0, 0, 0, FOK_KILLED);
            return;
        }
        report(r, ExecutionReport.Kind.ACK, venueId, 0, 0, 0, "matched");
        long remaining = r.sizeMicros();
        for (int i = 0; i < p.length && remaining > 0 && (r.buy() ? p[i] <= r.priceE4() : p[i] >= r.priceE4()); i++) {
            long take = Math.min(remaining, s[i]);
            if (take <= 0) {
                continue;
            }
            s[i] -= take; // consumed until the next book update
            remaining -= take;
            long fee = TakerFee.micros(take, p[i] / 1e4, r.feeRate(), r.feeExponent());
            report(r, ExecutionReport.Kind.FILL, venueId, p[i], take, fee, "");
        }
        if (remaining > 0) {
            report(r, ExecutionReport.Kind.CANCELLED, venueId, 0, 0, 0, "unfilled remainder killed");
        }
    }

    private void onCancel(long clientOrderId) {
        Resting rest = resting.remove(clientOrderId);
        if (rest == null) {
            listener.onReport(new ExecutionReport(clientOrderId, ExecutionReport.Kind.CANCEL_REJECTED, "", 0, 0, 0, name(),
                    "order not found or already done", 0));
            return;
        }
        report(rest.request, ExecutionReport.Kind.CANCELLED, rest.venueId, 0, 0, 0, "cancelled");
    }

    private void onBook(BookTop t) {
        Book b = books.computeIfAbsent(t.tokenId(), k -> new Book());
        b.bidP = java.util.Arrays.copyOf(t.bidPrices(), t.bidDepth());
        b.bidS = java.util.Arrays.copyOf(t.bidSizes(), t.bidDepth());
        b.askP = java.util.Arrays.copyOf(t.askPrices(), t.askDepth());
        b.askS = java.util.Arrays.copyOf(t.askSizes(), t.askDepth());
        // The opposite side trading through a resting price fills it (someone crossed into us).
        for (Iterator<Resting> it = resting.values().iterator(); it.hasNext(); ) {
            Resting r = it.next();
            if (!r.request.tokenId().equals(t.tokenId())) {
                continue;
            }
            long[] oppP = r.request.buy() ? b.askP : b.bidP;
            long[] oppS = r.request.buy() ? b.askS : b.bidS;
            for (int i = 0; i < oppP.length && r.remaining > 0; i++) {
                boolean through = r.request.buy() ? oppP[i] < r.request.priceE4() : oppP[i] > r.request.priceE4();
                if (!through) {
                    break;
                }
                long fill = Math.min(r.remaining, oppS[i]);
                oppS[i] -= fill;
                r.remaining -= fill;
                report(r.request, ExecutionReport.Kind.FILL, r.venueId, r.request.priceE4(), fill, 0, "");
            }
            if (r.remaining == 0) {
                it.remove();
            }
        }
    }

    private void onPrint(LastTrade t) {
        List<Long> done = new ArrayList<>();
        long printed = t.sizeMicros();
        for (Resting r : resting.values()) {
            if (!r.request.tokenId().equals(t.tokenId()) || r.request.priceE4() != t.priceE4() || r.request.buy() == t.buy()) {
                continue;
            }
            long eat = Math.min(printed, r.queueAhead);
            r.queueAhead -= eat;
            printed -= eat;
            long fill = Math.min(r.remaining, printed);
            if (fill > 0) {
                r.remaining -= fill;
                printed -= fill;
                report(r.request, ExecutionReport.Kind.FILL, r.venueId, r.request.priceE4(), fill, 0, "");
            }
            if (r.remaining == 0) {
                done.add(r.request.clientOrderId());
            }
        }
        done.forEach(resting::remove);
    }

    private void report(OrderRequest r, ExecutionReport.Kind kind, String venueId, long price, long size, long fee,
                        String detail) {
        listener.onReport(new ExecutionReport(r.clientOrderId(), kind, venueId, price, size, fee, name(), detail,
                kind == ExecutionReport.Kind.ACK ? Math.max(0, System.nanoTime() - r.createdNanos()) : 0));
    }

    // The gateway only needs books and prints.
    @Override
    public void onSpot(SpotUpdate update) {
    }

    @Override
    public void onWindowOpen(WindowOpen open) {
    }

    @Override
    public void onSignal(AlloraSignal signal) {
    }

    @Override
    public void onMarket(MarketInfo market) {
    }

    @Override
    public void onMarketExpired(String conditionId, String reason) {
    }

    @Override
    public void onUserOrder(UserOrderEvent event) {
    }

    @Override
    public void onUserTrade(UserTradeEvent event) {
    }

    @Override
    public void onFeedState(FeedStatus status) {
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
