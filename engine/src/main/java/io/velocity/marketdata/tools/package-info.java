/** {@code ./velocity tools decode}: captured venue messages through the production parsers. */
package io.velocity.marketdata.tools;
