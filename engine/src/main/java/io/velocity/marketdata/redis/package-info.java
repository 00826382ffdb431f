/** Market data into the Redis hot store: book-top mirrors and market parameters. */
package io.velocity.marketdata.redis;
