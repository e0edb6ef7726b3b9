package io.openlearn.kit.security;

import java.time.Instant;

/** Where revocations come from: auth's feed over HTTP for every service, auth's own database inside auth. */
public interface RevocationFeedSource {

    /** Revocations made after {@code since} (all still relevant ones when null). */
    RevocationList.Feed fetch(Instant since);
}
