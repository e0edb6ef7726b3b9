package io.openlearn.gradesworker.rest;

import io.openlearn.gradesworker.messaging.DeadLetterReplay;
import io.openlearn.kit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The replay command for operators (admins): {@code POST /api/grades-worker/v1/dead-letters/grades.stream/replay}.
 */
@Path("/api/grades-worker/v1/dead-letters/{queue}/replay")
@RolesAllowed("admin")
public class DeadLetterResource {

    public record Replayed(String queue, int replayed) {
    }

    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Replayed replay(@PathParam("queue") String queue, @QueryParam("limit") @DefaultValue("10000") int limit)
            throws IOException, TimeoutException {
        if (limit < 1 || limit > 100_000) {
            throw ProblemException.invalid("limit", "must be between 1 and 100000");
        }
        try {
            return new Replayed(queue, replay.replay(queue, limit));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(404, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Interrupted while replaying " + queue + ".");
        }
    }
}
