package io.velocity.sim.json;

/**
 * Fixed-point numbers to the decimal strings venues put on the wire, without BigDecimal. Values
 * are scaled longs (e.g. micro-units with scale 6).
 */
public final class Decimals {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L};

    private Decimals() {
    }

    /** {@code value / 10^scale} with exactly {@code digits} decimals (truncating or zero-padding): 4800,4,3 gives "0.480". */
    public static String fixed(long value, int scale, int digits) {
        StringBuilder sb = new StringBuilder(24);
        appendFixed(sb, value, scale, digits);
        return sb.toString();
    }

    /** Appends {@link #fixed(long, int, int)}. */
    public static void appendFixed(StringBuilder sb, long value, int scale, int digits) {
        if (value < 0) {
            sb.append('-');
            value = -value;
        }
        long unit = POW10[scale];
        sb.append(value / unit);
        if (digits == 0) {
            return;
        }
        sb.append('.');
        long frac = value % unit;
        for (int i = 0; i < digits; i++) {
            long d = i < scale ? (frac / POW10[scale - 1 - i]) % 10 : 0;
            sb.append((char) ('0' + d));
        }
    }

    /** {@code value / 10^scale} with trailing zeros removed: 30000000,6 gives "30", 125500000,6 gives "125.5". */
    public static String minimal(long value, int scale) {
        StringBuilder sb = new StringBuilder(24);
        if (value < 0) {
            sb.append('-');
            value = -value;
        }
        long unit = POW10[scale];
        sb.append(value / unit);
        long frac = value % unit;
        if (frac != 0) {
            int digits = scale;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            sb.append('.');
            String f = Long.toString(frac);
            for (int i = f.length(); i < digits; i++) {
                sb.append('0');
            }
            sb.append(f);
        }
        return sb.toString();
    }

    /** Decimals of a price tick expressed in 1e-4 units: 1000 gives 1, 100 gives 2, 10 gives 3, 1 gives 4. */
    public static int tickDecimals(long tickUnits) {
        int d = 4;
        long t = tickUnits;
        while (t >= 10 && t % 10 == 0) {
            t /= 10;
            d--;
        }
        return d;
    }

    /** Parses a non-negative decimal string into a long with {@code scale} decimals; -1 if malformed or too precise. */
    public static long parse(String text, int scale) {
        if (text == null || text.isEmpty() || text.length() > 30) {
            return -1;
        }
        long whole = 0;
        long frac = 0;
        int fracDigits = 0;
        boolean dot = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' && !dot) {
                dot = true;
                continue;
            }
            if (c < '0' || c > '9') {
                return -1;
            }
            any = true;
            if (dot) {
                if (fracDigits == scale) {
                    if (c != '0') {
                        return -1;
                    }
                    continue;
                }
                frac = frac * 10 + (c - '0');
                fracDigits++;
            } else {
                if (whole > (Long.MAX_VALUE / 10 - 10) / POW10[scale]) {
                    return -1;
                }
                whole = whole * 10 + (c - '0');
            }
        }
        if (!any) {
            return -1;
        }
        return whole * POW10[scale] + frac * POW10[scale - fracDigits];
    }
}
