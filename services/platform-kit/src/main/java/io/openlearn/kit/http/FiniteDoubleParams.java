package io.openlearn.kit.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Decimal query and path parameters are finite numbers: {@code Double.valueOf} also reads {@code NaN} and
 * {@code Infinity}, which compare false with everything and turn a filter ({@code minPercent=NaN}) into nonsense.
 * A refusal is a 400, as for any parameter that does not convert.
 */
@Provider
public class FiniteDoubleParams implements ParamConverterProvider {

    private static final ParamConverter<Double> FINITE = new ParamConverter<>() {
        @Override
        public Double fromString(String value) {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw new IllegalArgumentException("not a finite number");
            }
            return parsed;
        }

        @Override
        public String toString(Double value) {
            return value.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Double.class || rawType == double.class) {
            return (ParamConverter<T>) FINITE;
        }
        return null;
    }
}
