/** Clock drift: the local clock against NTP and venue server time, feeding the kill switch's clock layer. */
package io.velocity.telemetry.clock;
