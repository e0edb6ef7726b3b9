package io.openlearn.gateway.proxy;

import io.vertx.core.http.HttpMethod;
import java.util.Locale;

/**
 * Methods in upper case. HTTP methods are case-sensitive, but services and the rate-limit routes only know them in
 * upper case: {@code post} must neither miss the expensive class nor reach an upstream that treats it otherwise.
 */
public final class CanonicalMethod {

    private CanonicalMethod() {
    }

    /** The method itself when its name is already upper case (no allocation); else its upper-case equal. */
    public static HttpMethod of(HttpMethod method) {
        String name = method.name();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'a' && c <= 'z') {
                // Vert.x gives the standard methods, spelt in upper case, as its shared constants
                return HttpMethod.valueOf(name.toUpperCase(Locale.ROOT));
            }
        }
        return method;
    }
}
