/** Gamma market discovery: parser, Up/Down window slugs, the tradeable-market filter, the poller. */
package io.velocity.marketdata.gamma;
