/** Allora forecasts: consumer-API and chain-LCD parsers, the staleness ratio, the poller. */
package io.velocity.marketdata.allora;
