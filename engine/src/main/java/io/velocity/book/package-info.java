/**
 * In-memory CLOB order books: primitive arrays indexed by price tick, one writer per book.
 * The book feed ({@code io.velocity.marketdata.clob}) owns them and mirrors them to Redis.
 */
package io.velocity.book;
