package io.velocity.strategy;

/** The two outcome tokens of an Up/Down market. */
public enum Outcome {
    UP,
    DOWN
}
