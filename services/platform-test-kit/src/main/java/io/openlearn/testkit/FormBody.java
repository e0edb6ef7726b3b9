package io.openlearn.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A form-encoded body written out as a string. REST Assured's {@code formParam} hides the body from filters, so the
 * contract validator would see none: tests send forms through this instead.
 */
public final class FormBody {

    private final Map<String, String> fields = new LinkedHashMap<>();

    public static FormBody of(String name, String value) {
        return new FormBody().and(name, value);
    }

    public FormBody and(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public String encoded() {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return encoded();
    }
}
