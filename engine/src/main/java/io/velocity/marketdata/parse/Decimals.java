package io.velocity.marketdata.parse;

/**
 * Allocation-free parsing of the decimal strings venues send ({@code "0.870"}, {@code "0.1"},
 * {@code "97234.56000000"}) straight from a parser's character buffer.
 *
 * <p>Fixed-point results are {@code long}s with a given number of decimals; {@link #MALFORMED}
 * marks text that is not a plain non-negative decimal. Doubles are built as
 * {@code mantissa / 10^decimals}, which is correctly rounded whenever both are exactly
 * representable (mantissa below 2^53, at most 22 decimals); anything else falls back to
 * {@link Double#parseDouble}.
 */
public final class Decimals {
    /** Returned by the fixed-point parsers for text that is not a plain decimal. */
    public static final long MALFORMED = Long.MIN_VALUE;

    private static final double[] POW10 = new double[23];
    private static final long[] LPOW10 = new long[19];

    static {
        double d = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = d;
            d *= 10;
        }
        long l = 1;
        for (int i = 0; i < LPOW10.length; i++) {
            LPOW10[i] = l;
            l *= 10;
        }
    }

    private Decimals() {
    }

    /**
     * Parses a non-negative decimal into a fixed-point long with {@code scale} decimals. Digits
     * beyond {@code scale} must be zeros when {@code exact}; otherwise they round half-up.
     *
     * @return the value, or {@link #MALFORMED}
     */
    public static long parseFixed(char[] buf, int off, int len, int scale, boolean exact) {
        if (len <= 0 || scale < 0 || scale > 18) {
            return MALFORMED;
        }
        int end = off + len;
        int i = off;
        long value = 0;
        int intDigits = 0;
        while (i < end && buf[i] != '.') {
            char c = buf[i];
            if (c < '0' || c > '9') {
                return MALFORMED;
            }
            value = value * 10 + (c - '0');
            if (++intDigits > 18 - scale) {
                return MALFORMED;
            }
            i++;
        }
        int frac = 0;
        boolean roundUp = false;
        if (i < end) {
            i++; // the point
            if (i == end && intDigits == 0) {
                return MALFORMED;
            }
            while (i < end) {
                char c = buf[i];
                if (c < '0' || c > '9') {
                    return MALFORMED;
                }
                if (frac < scale) {
                    value = value * 10 + (c - '0');
                    frac++;
                } else if (frac == scale) {
                    if (exact && c != '0') {
                        return MALFORMED;
                    }
                    roundUp = c >= '5';
                    frac++;
                } else if (exact && c != '0') {
                    return MALFORMED;
                }
                i++;
            }
            if (exact) {
                roundUp = false;
            }
        } else if (intDigits == 0) {
            return MALFORMED;
        }
        int shown = Math.min(frac, scale);
        value *= LPOW10[scale - shown];
        return roundUp ? value + 1 : value;
    }

    /** {@link #parseFixed(char[], int, int, int, boolean)} over a string. */
    public static long parseFixed(CharSequence s, int scale, boolean exact) {
        char[] buf = new char[s.length()];
        for (int i = 0; i < buf.length; i++) {
            buf[i] = s.charAt(i);
        }
        return parseFixed(buf, 0, buf.length, scale, exact);
    }

    /**
     * Parses a decimal (optionally signed, optionally with an exponent) into a double.
     *
     * @return the value, or NaN when the text is not a number
     */
    public static double parseDouble(char[] buf, int off, int len) {
        if (len <= 0) {
            return Double.NaN;
        }
        int end = off + len;
        int i = off;
        boolean negative = false;
        if (buf[i] == '-' || buf[i] == '+') {
            negative = buf[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = 0;
        boolean point = false;
        boolean any = false;
        for (; i < end; i++) {
            char c = buf[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa == 0 && c == '0') {
                    if (point) {
                        decimals++;
                    }
                    continue; // leading zeros carry no precision
                }
                if (++digits > 18) {
                    return slow(buf, off, len);
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    decimals++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else if (c == 'e' || c == 'E') {
                return slow(buf, off, len);
            } else {
                return Double.NaN;
            }
        }
        if (!any) {
            return Double.NaN;
        }
        if (mantissa >= (1L << 53) || decimals >= POW10.length) {
            return slow(buf, off, len);
        }
        double v = mantissa / POW10[decimals];
        return negative ? -v : v;
    }

    /** {@link #parseDouble(char[], int, int)} over a string. */
    public static double parseDouble(CharSequence s) {
        char[] buf = new char[s.length()];
        for (int i = 0; i < buf.length; i++) {
            buf[i] = s.charAt(i);
        }
        return parseDouble(buf, 0, buf.length);
    }

    /** Parses a non-negative integer; {@link #MALFORMED} if not one (or beyond 18 digits). */
    public static long parseLong(char[] buf, int off, int len) {
        if (len <= 0 || len > 18) {
            return MALFORMED;
        }
        long v = 0;
        for (int i = off, end = off + len; i < end; i++) {
            char c = buf[i];
            if (c < '0' || c > '9') {
                return MALFORMED;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static double slow(char[] buf, int off, int len) {
        try {
            return Double.parseDouble(new String(buf, off, len));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Formats a fixed-point value as a plain decimal ({@code 8700, 4 -> "0.87"}); for tools and logs. */
    public static String format(long value, int scale) {
        if (value == MALFORMED) {
            return "malformed";
        }
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(value, scale).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
