package io.openlearn.kit.json;

/** Which characters no text on the platform may hold. */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Free text (a reason, a title): C0 controls and DEL refused, tab and line breaks allowed. */
    public static boolean containsUnprintable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Identifiers (path segments, query values): every C0 control and DEL refused, line breaks too. */
    public static boolean containsAny(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
