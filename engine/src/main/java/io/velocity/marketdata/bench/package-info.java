/** {@code ./velocity bench book}: order-book and CLOB parser throughput against the goals. */
package io.velocity.marketdata.bench;
