package io.openlearn.auth.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeySealerTest {

    static final String KEK = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OTHER_KEK = Base64.getEncoder().encodeToString("another-32-byte-key-for-testing!".getBytes());

    @Test
    void sealedKeyOpensWithSameKeyAndKid() {
        KeySealer sealer = new KeySealer(KEK);
        byte[] secret = "private key bytes".getBytes();
        byte[] sealed = sealer.seal(secret, "kid-1");
        assertFalse(Arrays.equals(secret, Arrays.copyOfRange(sealed, 12, 12 + secret.length)));
        assertArrayEquals(secret, sealer.open(sealed, "kid-1"));
    }

    @Test
    void sealedKeyMovedToAnotherKidDoesNotOpen() {
        KeySealer sealer = new KeySealer(KEK);
        byte[] sealed = sealer.seal("x".getBytes(), "kid-1");
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed, "kid-2"));
    }

    @Test
    void wrongKeyEncryptionKeyDoesNotOpen() {
        byte[] sealed = new KeySealer(KEK).seal("x".getBytes(), "kid-1");
        assertThrows(IllegalStateException.class, () -> new KeySealer(OTHER_KEK).open(sealed, "kid-1"));
    }

    @Test
    void keyEncryptionKeyOfWrongLengthIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new KeySealer(Base64.getEncoder().encodeToString(new byte[16])));
    }
}
