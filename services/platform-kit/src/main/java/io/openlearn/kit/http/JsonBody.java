package io.openlearn.kit.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A JSON body serialized once and compressed once, both forms ready to send: a large read served from memory costs
 * neither serializing nor compressing per request, and a caller that accepts gzip moves about a tenth of the bytes.
 */
public record JsonBody(byte[] json, byte[] gzip) {

    public static JsonBody of(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 6 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JsonBody(json, out.toByteArray());
    }

    public long size() {
        return (long) json.length + gzip.length;
    }

    /** 200 with the form the caller accepts ({@code Vary: Accept-Encoding}). */
    public Response.ResponseBuilder ok(String acceptEncoding) {
        boolean gzipped = acceptsGzip(acceptEncoding);
        Response.ResponseBuilder response = Response.ok(gzipped ? gzip : json, MediaType.APPLICATION_JSON_TYPE)
                .header("Vary", "Accept-Encoding");
        return gzipped ? response.header("Content-Encoding", "gzip") : response;
    }

    /** gzip listed in Accept-Encoding and not refused with q=0. */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equals("gzip")) {
                return parts.length < 2 || !parts[1].trim().matches("q=0(\\.0*)?");
            }
        }
        return false;
    }
}
