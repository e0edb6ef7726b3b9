package io.openlearn.auth.service;

import java.security.PrivateKey;

/** The key that signs new platform tokens now. */
public record ActiveKey(String kid, PrivateKey privateKey) {
}
