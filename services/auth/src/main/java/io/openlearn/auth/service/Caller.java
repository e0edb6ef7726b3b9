package io.openlearn.auth.service;

import java.util.Set;
import java.util.UUID;

/** The authenticated caller of a use case, as their platform token names them. */
public record Caller(UUID id, String username, Set<String> groups) {
}
