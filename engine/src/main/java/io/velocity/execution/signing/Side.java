package io.velocity.execution.signing;

/** Order side as the CTF exchange encodes it in the signed {@code uint8 side} field. */
public enum Side {
    /** Pay collateral (pUSD), receive outcome shares: makerAmount is pUSD, takerAmount shares. */
    BUY(0),
    /** Give outcome shares, receive collateral: makerAmount is shares, takerAmount pUSD. */
    SELL(1);

    private final int code;

    Side(int code) {
        this.code = code;
    }

    /** The on-chain code: 0 for BUY, 1 for SELL. */
    public int code() {
        return code;
    }

    /**
     * The side for an on-chain code.
     *
     * @throws IllegalArgumentException when {@code code} is neither 0 nor 1
     */
    public static Side fromCode(int code) {
        return switch (code) {
            case 0 -> BUY;
            case 1 -> SELL;
            default -> throw new IllegalArgumentException("side: must be 0 (BUY) or 1 (SELL), was " + code);
        };
    }
}
