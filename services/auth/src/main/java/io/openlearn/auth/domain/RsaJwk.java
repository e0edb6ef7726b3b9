package io.openlearn.auth.domain;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RS256 public key as a JSON Web Key (RFC 7517/7518). */
public record RsaJwk(String kid, String modulus, String exponent) {

    public static final String ALGORITHM = "RS256";
    private static final int KEY_BITS = 2048;

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    public static RsaJwk of(String kid, RSAPublicKey key) {
        return new RsaJwk(kid, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    public RSAPublicKey publicKey() {
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, decoder.decode(modulus)),
                    new BigInteger(1, decoder.decode(exponent)));
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored public key unreadable", e);
        }
    }

    public Map<String, Object> toJson() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", ALGORITHM);
        jwk.put("n", modulus);
        jwk.put("e", exponent);
        return jwk;
    }

    /** JWK integers are unsigned big-endian: drop the sign byte BigInteger adds. */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
