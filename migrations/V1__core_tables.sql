-- Velocity core schema. Plain PostgreSQL; V2 turns the time-series tables into TimescaleDB
-- hypertables when the extension is available.
--
-- Conventions: money and sizes are integer micro-units (bigint): *_micros is micro-USD, or
-- shares x 10^6 for sizes; probabilities are double precision. Every time column is timestamptz.
-- No foreign keys: rows arrive from different writers in any order, and TimescaleDB
-- hypertables cannot be referenced by foreign keys anyway.
--
-- Every unique key of a time-series table includes its time column, because a hypertable
-- can only enforce uniqueness within a chunk. Journal records carry their own timestamp, so a
-- replayed record has the same (trace_id, step, ts) and the insert skips it on both paths.

-- One row per trade decision and per execution step (written through the journal).
CREATE TABLE trade_logs (
    ts            timestamptz      NOT NULL,
    trace_id      text             NOT NULL,
    step          integer          NOT NULL CHECK (step >= 0),
    stage         text             NOT NULL,  -- DECISION, SUBMIT, ACK, FILL, CANCEL, REJECT, FAILOVER, SETTLE
    market        text             NOT NULL,  -- condition id
    token_id      text             NOT NULL,
    side          text             NOT NULL,  -- BUY, SELL
    intent        text             NOT NULL,  -- SNIPE, LADDER
    fair_value    double precision NOT NULL,
    edge          double precision NOT NULL,  -- probability points
    price_micros  bigint           NOT NULL,  -- micro-USD per share
    size_micros   bigint           NOT NULL,  -- shares x 10^6
    fee_micros    bigint           NOT NULL,
    gas_micros    bigint           NOT NULL,
    kelly_micros  bigint           NOT NULL,  -- Kelly stake
    rail          text             NOT NULL,  -- NONE, A (CLOB API), B (direct contract)
    latency_us    bigint           NOT NULL,
    outcome       text             NOT NULL,
    recorded_at   timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (trace_id, step, ts)
);
CREATE INDEX trade_logs_market_ts ON trade_logs (market, ts DESC);
CREATE INDEX trade_logs_ts ON trade_logs (ts DESC);

-- Per resolved trade: what was done, the best action in hindsight, and the regret between them.
CREATE TABLE regret_metrics (
    resolved_at      timestamptz NOT NULL,
    trace_id         text        NOT NULL,
    market           text        NOT NULL,
    action_taken     text        NOT NULL,  -- e.g. 'SNIPE BUY up 120000000 @ 540000', 'NONE'
    best_action      text        NOT NULL,
    pnl_micros       bigint      NOT NULL,  -- realised PnL of what was done
    best_pnl_micros  bigint      NOT NULL,  -- PnL the best action would have made
    regret_micros    bigint      NOT NULL CHECK (regret_micros = best_pnl_micros - pnl_micros),
    detail           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (trace_id, resolved_at)
);
CREATE INDEX regret_metrics_market ON regret_metrics (market, resolved_at DESC);
CREATE INDEX regret_metrics_resolved ON regret_metrics (resolved_at DESC);

-- Orders as the order state machine last saw them.
CREATE TABLE orders (
    order_id       text        PRIMARY KEY,  -- venue order hash (Rail A) or the transaction's id (Rail B)
    trace_id       text        NOT NULL,
    market         text        NOT NULL,
    token_id       text        NOT NULL,
    side           text        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    intent         text        NOT NULL CHECK (intent IN ('SNIPE', 'LADDER')),
    order_type     text        NOT NULL,     -- GTC, GTD, FOK, FAK
    rail           text        NOT NULL,
    price_micros   bigint      NOT NULL,
    size_micros    bigint      NOT NULL,
    filled_micros  bigint      NOT NULL DEFAULT 0,
    status         text        NOT NULL,     -- NEW, OPEN, PARTIAL, FILLED, CANCELLED, REJECTED, EXPIRED
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX orders_trace ON orders (trace_id);
CREATE INDEX orders_market_created ON orders (market, created_at DESC);
CREATE INDEX orders_live ON orders (status) WHERE status IN ('NEW', 'OPEN', 'PARTIAL');

-- Matched trades and their on-chain settlement.
CREATE TABLE fills (
    fill_id           text        PRIMARY KEY,  -- venue trade id
    order_id          text        NOT NULL,
    trace_id          text        NOT NULL,
    market            text        NOT NULL,
    token_id          text        NOT NULL,
    side              text        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    price_micros      bigint      NOT NULL,
    size_micros       bigint      NOT NULL,
    fee_micros        bigint      NOT NULL DEFAULT 0,
    maker             boolean     NOT NULL,
    tx_hash           text,
    settlement_state  text        NOT NULL CHECK (settlement_state IN ('matched', 'mined', 'confirmed', 'failed')),
    matched_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX fills_order ON fills (order_id);
CREATE INDEX fills_trace ON fills (trace_id);
CREATE INDEX fills_unsettled ON fills (settlement_state) WHERE settlement_state IN ('matched', 'mined');

-- Current holdings per outcome token.
CREATE TABLE positions (
    market               text        NOT NULL,
    token_id             text        NOT NULL,
    size_micros          bigint      NOT NULL,  -- shares x 10^6 held
    cost_micros          bigint      NOT NULL,  -- paid for them, fees included
    realized_pnl_micros  bigint      NOT NULL DEFAULT 0,
    window_end           timestamptz,
    status               text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'REDEEMED')),
    updated_at           timestamptz NOT NULL,
    PRIMARY KEY (market, token_id)
);

-- Winnings redeemed on chain after resolution.
CREATE TABLE redemptions (
    redemption_id  text        PRIMARY KEY,
    market         text        NOT NULL,  -- condition id
    tx_hash        text,
    amount_micros  bigint      NOT NULL,
    neg_risk       boolean     NOT NULL DEFAULT false,
    state          text        NOT NULL CHECK (state IN ('pending', 'mined', 'confirmed', 'failed')),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX redemptions_market ON redemptions (market);

-- Bankroll over time (the PnL chart).
CREATE TABLE bankroll_snapshots (
    ts                      timestamptz NOT NULL PRIMARY KEY,
    usdc_micros             bigint      NOT NULL,  -- free collateral
    reserved_micros         bigint      NOT NULL,  -- locked by open orders
    positions_value_micros  bigint      NOT NULL,  -- positions marked to market
    realized_pnl_micros     bigint      NOT NULL,
    unrealized_pnl_micros   bigint      NOT NULL
);

-- Who did what to the system and why: kill switch, config changes, releases (written through the journal).
CREATE TABLE audit_log (
    event_id     text        PRIMARY KEY,
    ts           timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,  -- killswitch.engage, killswitch.release, config.change, ...
    reason       text        NOT NULL,
    detail       text        NOT NULL,  -- usually JSON; text so a malformed detail is never refused
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_ts ON audit_log (ts DESC);
CREATE INDEX audit_log_action_ts ON audit_log (action, ts DESC);

-- Raw feed messages for replay through the production parsers. TimescaleDB compresses them by
-- chunk (V2); plain PostgreSQL compresses only rows over ~2 kB (TOAST), so most ticks stay raw there.
CREATE TABLE feed_ticks (
    ts          timestamptz NOT NULL,  -- receive time
    feed        text        NOT NULL,  -- binance, clob-market, clob-user, allora, gamma
    instrument  text        NOT NULL,  -- symbol, token id or topic
    seq         bigint      NOT NULL,  -- receive sequence per (feed, instrument)
    venue_ts    timestamptz,           -- the venue's own timestamp when it has one
    payload     bytea       NOT NULL,  -- the message as received
    PRIMARY KEY (feed, instrument, seq, ts)
);
CREATE INDEX feed_ticks_ts ON feed_ticks (ts DESC);
