package io.openlearn.auth.service;

public record IssuedToken(String accessToken, long expiresInSeconds, String scope) {
}
