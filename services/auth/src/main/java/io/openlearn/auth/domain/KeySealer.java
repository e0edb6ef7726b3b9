package io.openlearn.auth.domain;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Seals private signing keys with AES-256-GCM so that a database dump alone cannot mint tokens. */
public final class KeySealer {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKey keyEncryptionKey;
    private final SecureRandom random = new SecureRandom();

    public KeySealer(String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length != 32) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (base64), got " + raw.length);
        }
        this.keyEncryptionKey = new SecretKeySpec(raw, "AES");
    }

    public byte[] seal(byte[] plain, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, iv, plain, associatedData);
        return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    }

    public byte[] open(byte[] sealed, String associatedData) {
        ByteBuffer buffer = ByteBuffer.wrap(sealed);
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        byte[] body = new byte[buffer.remaining()];
        buffer.get(body);
        return crypt(Cipher.DECRYPT_MODE, iv, body, associatedData);
    }

    private byte[] crypt(int mode, byte[] iv, byte[] input, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, keyEncryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            // binding the kid means a sealed key copied onto another row does not open
            cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "sealed" : "opened: wrong key-encryption key or tampered row"), e);
        }
    }
}
