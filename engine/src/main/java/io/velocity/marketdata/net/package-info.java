/** Transport shared by the feeds: asynchronous venue GETs and WebSocket connections. */
package io.velocity.marketdata.net;
