package io.openlearn.kit.security;

import io.openlearn.kit.problem.ProblemException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the platform names them: the {@code sub} of a platform JWT is the user's UUID in auth. */
public final class Callers {

    private Callers() {
    }

    public static UUID userId(JsonWebToken jwt) {
        String subject = jwt.getSubject();
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            // only auth mints platform tokens and it always uses UUIDs: anything else is not ours
            throw new ProblemException(401, "The token does not name a platform user.");
        }
    }
}
