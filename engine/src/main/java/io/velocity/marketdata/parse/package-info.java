/**
 * Building blocks shared by the venue parsers: allocation-free decimal parsing, identifier
 * interning and the malformed-message exception. The parsers themselves live with their feeds.
 */
package io.velocity.marketdata.parse;
