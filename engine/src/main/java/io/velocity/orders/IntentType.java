package io.velocity.orders;

/** Why an order exists. */
public enum IntentType {
    SNIPE,
    LADDER,
    FLATTEN
}
