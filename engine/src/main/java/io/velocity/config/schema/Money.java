package io.velocity.config.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code long} field holding USDC/pUSD in micro-units (6 decimals). In JSON it is written in
 * dollars, as a number or a decimal string ({@code 50}, {@code "12.5"}); more than six decimals
 * is an error rather than a silent rounding. {@link Range} bounds are in dollars.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Money {
}
