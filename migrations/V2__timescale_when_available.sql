-- TimescaleDB when the server has it (the docker-compose image), plain PostgreSQL otherwise
-- (embedded server): the time-series tables become hypertables with compression, and raw feed
-- ticks get a retention policy. Trade logs, regret metrics and bankroll snapshots are records a
-- trader keeps: they are compressed, never dropped.
--
-- Detection needs both the package (pg_available_extensions) and the preloaded library:
-- CREATE EXTENSION fails when timescaledb is installed but not in shared_preload_libraries.
-- Timescale functions are only called inside the IF branch, and PL/pgSQL plans a statement
-- when it first runs, so plain PostgreSQL never resolves them.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
       OR coalesce(current_setting('shared_preload_libraries', true), '') NOT LIKE '%timescaledb%' THEN
        RAISE NOTICE 'TimescaleDB is not available: time-series tables stay plain PostgreSQL tables';
        RETURN;
    END IF;

    CREATE EXTENSION IF NOT EXISTS timescaledb;

    -- The ts indexes of V1 already serve time-range scans: no default indexes.
    PERFORM create_hypertable('trade_logs', 'ts', chunk_time_interval => INTERVAL '1 day',
                              create_default_indexes => FALSE, if_not_exists => TRUE, migrate_data => TRUE);
    PERFORM create_hypertable('feed_ticks', 'ts', chunk_time_interval => INTERVAL '1 hour',
                              create_default_indexes => FALSE, if_not_exists => TRUE, migrate_data => TRUE);
    PERFORM create_hypertable('bankroll_snapshots', 'ts', chunk_time_interval => INTERVAL '7 days',
                              create_default_indexes => FALSE, if_not_exists => TRUE, migrate_data => TRUE);
    PERFORM create_hypertable('regret_metrics', 'resolved_at', chunk_time_interval => INTERVAL '7 days',
                              create_default_indexes => FALSE, if_not_exists => TRUE, migrate_data => TRUE);

    -- Compressed chunks keep enforcing the unique keys only when every key column is a
    -- segment-by or order-by column.
    EXECUTE 'ALTER TABLE trade_logs SET (timescaledb.compress, timescaledb.compress_segmentby = ''market'', '
         || 'timescaledb.compress_orderby = ''ts DESC, trace_id, step'')';
    EXECUTE 'ALTER TABLE feed_ticks SET (timescaledb.compress, timescaledb.compress_segmentby = ''feed, instrument'', '
         || 'timescaledb.compress_orderby = ''ts DESC, seq'')';
    EXECUTE 'ALTER TABLE bankroll_snapshots SET (timescaledb.compress, timescaledb.compress_orderby = ''ts DESC'')';
    EXECUTE 'ALTER TABLE regret_metrics SET (timescaledb.compress, timescaledb.compress_segmentby = ''market'', '
         || 'timescaledb.compress_orderby = ''resolved_at DESC, trace_id'')';

    PERFORM add_compression_policy('trade_logs', INTERVAL '7 days', if_not_exists => TRUE);
    PERFORM add_compression_policy('feed_ticks', INTERVAL '1 day', if_not_exists => TRUE);
    PERFORM add_compression_policy('bankroll_snapshots', INTERVAL '30 days', if_not_exists => TRUE);
    PERFORM add_compression_policy('regret_metrics', INTERVAL '30 days', if_not_exists => TRUE);

    PERFORM add_retention_policy('feed_ticks', INTERVAL '90 days', if_not_exists => TRUE);
END
$$;
