package io.velocity.chain;

/**
 * The node answered with a JSON-RPC error that is neither a transport problem nor an EVM revert,
 * for example invalid parameters, an unknown method, a nonce that is too low or insufficient
 * funds for gas. Retrying the same request will not help, so it is not retried.
 */
public final class RpcErrorException extends RpcException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String method;

    /**
     * @param method      the JSON-RPC method, e.g. {@code eth_sendRawTransaction}
     * @param code        the JSON-RPC error code
     * @param nodeMessage the node's message
     */
    public RpcErrorException(String method, int code, String nodeMessage) {
        super(method + " failed with JSON-RPC error " + code + ": " + nodeMessage);
        this.code = code;
        this.method = method;
    }

    /** @return the JSON-RPC error code */
    public int code() {
        return code;
    }

    /** @return the JSON-RPC method that failed */
    public String method() {
        return method;
    }
}
