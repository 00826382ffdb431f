package io.velocity.chain;

import java.util.Optional;

/**
 * The result of an {@code eth_call} dry run: either the return data or why it would revert.
 * A revert is a normal outcome here (Rail B simulates to refuse clearly), not an exception.
 *
 * @param returnData the ABI-encoded return data ({@code 0x}-hex), empty string when reverted
 * @param revert     the revert reason when the call would revert
 */
public record Simulation(String returnData, Optional<RevertReason> revert) {

    /** @return a successful simulation */
    public static Simulation success(String returnData) {
        return new Simulation(returnData == null ? "0x" : returnData, Optional.empty());
    }

    /** @return a reverting simulation */
    public static Simulation reverted(RevertReason reason) {
        return new Simulation("", Optional.of(reason));
    }

    /** @return true when the call would revert */
    public boolean reverted() {
        return revert.isPresent();
    }
}
