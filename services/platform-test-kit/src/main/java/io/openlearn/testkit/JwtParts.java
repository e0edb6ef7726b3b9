package io.openlearn.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a string member of a JWT's header or payload without verifying anything, for tests that need to know which
 * key signed a token (kid) or which token to revoke (jti). Verification is the services' job, not the tests'.
 */
public final class JwtParts {

    private JwtParts() {
    }

    public static String header(String jwt, String name) {
        return member(jwt, 0, name);
    }

    public static String claim(String jwt, String name) {
        return member(jwt, 1, name);
    }

    public static String kid(String jwt) {
        return header(jwt, "kid");
    }

    public static String jti(String jwt) {
        return claim(jwt, "jti");
    }

    private static String member(String jwt, int part, String name) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no string member " + name + " in part " + part + " of the token");
        }
        return m.group(1);
    }
}
