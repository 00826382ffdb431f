package io.velocity.sim.market;

/** The two outcomes of an Up/Down market, in Gamma's order. */
public enum Outcome {
    UP("Up"), DOWN("Down");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** As written in Gamma's {@code outcomes} and the CLOB's {@code outcome} fields. */
    public String label() {
        return label;
    }

    public Outcome other() {
        return this == UP ? DOWN : UP;
    }
}
