package io.openlearn.content.domain;

/**
 * Sort keys for siblings ("fractional indexing"): a key strictly between any two keys always exists, so moving or
 * inserting a block rewrites only that block's own document. Keys are base-62 digit strings compared as strings;
 * none ends in the lowest digit, which is what keeps a key between any two available.
 */
public final class OrderKeys {

    static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BASE = DIGITS.length();

    private OrderKeys() {
    }

    /**
     * A key after {@code before} and before {@code after}; {@code before} null means "first", {@code after} null
     * means "last". Appending grows keys by one digit per 30 appends or so, not per append.
     */
    public static String between(String before, String after) {
        String a = before == null ? "" : before;
        if (after != null && a.compareTo(after) >= 0) {
            throw new IllegalArgumentException(a + " is not before " + after);
        }
        return after == null ? afterKey(a) : midpoint(a, after);
    }

    /** {@code count} keys in order, evenly spread and as short as the count allows (imports and copies). */
    public static String[] evenlySpaced(int count) {
        String[] keys = new String[count];
        int width = 1;
        long room = BASE;
        while (room < count + 1L) {
            width++;
            room *= BASE;
        }
        for (int i = 0; i < count; i++) {
            long value = (i + 1L) * room / (count + 1L);
            keys[i] = stripTrailingZeros(format(value, width));
        }
        return keys;
    }

    /** Whether {@code key} is a sort key this class could have made: base-62 digits, not ending in the lowest. */
    public static boolean isKey(String key) {
        if (key == null || key.isEmpty() || key.charAt(key.length() - 1) == DIGITS.charAt(0)) {
            return false;
        }
        return key.chars().allMatch(c -> DIGITS.indexOf(c) >= 0);
    }

    private static String afterKey(String a) {
        if (a.isEmpty()) {
            return String.valueOf(DIGITS.charAt(BASE / 2));
        }
        int first = digit(a.charAt(0));
        if (first < BASE - 1) {
            // one digit up (halfway to the top keeps room above too): shorter than a, still greater
            return String.valueOf(DIGITS.charAt(first + Math.max(1, (BASE - 1 - first) / 2)));
        }
        return DIGITS.charAt(BASE - 1) + afterKey(a.substring(1));
    }

    private static String midpoint(String a, String b) {
        int common = 0;
        while (common < b.length() && charOrZero(a, common) == b.charAt(common)) {
            common++;
        }
        if (common > 0) {
            return b.substring(0, common) + midpoint(a.length() > common ? a.substring(common) : "",
                    b.substring(common));
        }
        int da = a.isEmpty() ? 0 : digit(a.charAt(0));
        int db = digit(b.charAt(0));
        if (db - da > 1) {
            return String.valueOf(DIGITS.charAt((da + db) / 2));
        }
        if (b.length() > 1) {
            // b is longer than its first digit, so that digit alone sorts before b and after a
            return b.substring(0, 1);
        }
        return DIGITS.charAt(da) + afterKey(a.length() > 1 ? a.substring(1) : "");
    }

    private static char charOrZero(String s, int index) {
        return index < s.length() ? s.charAt(index) : DIGITS.charAt(0);
    }

    private static int digit(char c) {
        int value = DIGITS.indexOf(c);
        if (value < 0) {
            throw new IllegalArgumentException("not an order key digit: " + c);
        }
        return value;
    }

    private static String format(long value, int width) {
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = DIGITS.charAt((int) (value % BASE));
            value /= BASE;
        }
        return new String(out);
    }

    private static String stripTrailingZeros(String key) {
        int end = key.length();
        while (end > 1 && key.charAt(end - 1) == DIGITS.charAt(0)) {
            end--;
        }
        return key.substring(0, end);
    }
}
