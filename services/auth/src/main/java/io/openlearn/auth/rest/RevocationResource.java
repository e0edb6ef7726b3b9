package io.openlearn.auth.rest;

import io.openlearn.auth.service.RevocationService;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.RevocationList;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/** The feed of revocations that the gateway and the services pull every few seconds (ADR 0009). */
@Path("/api/auth/v1/revocations")
@Produces(MediaType.APPLICATION_JSON)
public class RevocationResource {

    private final RevocationService revocations;

    public RevocationResource(RevocationService revocations) {
        this.revocations = revocations;
    }

    public record TokenEntry(String jti, Instant expiresAt) {
    }

    public record UserEntry(java.util.UUID userId, Instant notBefore) {
    }

    public record FeedBody(Instant asOf, List<TokenEntry> tokens, List<UserEntry> users) {
    }

    @GET
    @RolesAllowed({"service", "admin"})
    public FeedBody feed(@QueryParam("since") String since) {
        Instant from = null;
        if (since != null) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("since", "an ISO-8601 instant such as 2026-11-26T12:00:00Z");
            }
        }
        RevocationList.Feed feed = revocations.fetch(from);
        return new FeedBody(feed.asOf(),
                feed.tokens().entrySet().stream().map(e -> new TokenEntry(e.getKey(), e.getValue()))
                        .sorted(Comparator.comparing(TokenEntry::jti)).toList(),
                feed.users().entrySet().stream().map(e -> new UserEntry(e.getKey(), e.getValue()))
                        .sorted(Comparator.comparing(UserEntry::userId)).toList());
    }
}
