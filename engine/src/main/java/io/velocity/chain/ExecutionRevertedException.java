package io.velocity.chain;

/**
 * The EVM reverted the call (in {@code eth_call}, {@code eth_estimateGas} or a mined
 * transaction). Deterministic for the same state, so it is never retried; {@link #reason()}
 * carries the decoded {@code Error(string)} / {@code Panic(uint256)} reason.
 */
public class ExecutionRevertedException extends RpcException {

    private static final long serialVersionUID = 1L;

    private final transient RevertReason reason;

    /**
     * @param method the JSON-RPC method or operation that reverted
     * @param reason the decoded reason
     */
    public ExecutionRevertedException(String method, RevertReason reason) {
        super(method + " reverted: " + reason.message());
        this.reason = reason;
    }

    /** @return the decoded revert reason */
    public RevertReason reason() {
        return reason;
    }
}
