package io.openlearn.kit.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Boolean query and path parameters take {@code true} or {@code false} only. JAX-RS' own conversion
 * ({@code Boolean.valueOf}) reads anything else as false, so {@code ?passed=yes} would silently filter for the
 * opposite of what the caller meant; here it fails, and the failure is a 400.
 */
@Provider
public class StrictBooleanParams implements ParamConverterProvider {

    private static final ParamConverter<Boolean> STRICT = new ParamConverter<>() {
        @Override
        public Boolean fromString(String value) {
            if ("true".equals(value)) {
                return Boolean.TRUE;
            }
            if ("false".equals(value)) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("not a boolean");
        }

        @Override
        public String toString(Boolean value) {
            return value.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) STRICT;
        }
        return null;
    }
}
