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
import org.jboss.logging.Logger;

/**
 * The replay command for operators (admins): {@code POST /api/grades-worker/v1/dead-letters/grades.stream/replay}.
 */
@Path("/api/grades-worker/v1/dead-letters/{queue}/replay")
@RolesAllowed("admin")
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);

    public record Replayed(String queue, int replayed) {
    }

    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Replayed replay(@PathParam("queue") String queue, @QueryParam("limit") @DefaultValue("10000") int limit) {
        if (limit < 1 || limit > 100_000) {
            throw ProblemException.invalid("limit", "must be between 1 and 100000");
        }
        try {
            return new Replayed(queue, replay.replay(queue, limit));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(404, e.getMessage());
        } catch (RuntimeException e) {
            // the broker is unreachable or refused a step; what was moved before stays moved
            LOG.warnf(e, "Replaying the dead letters of %s failed", queue);
            throw new ProblemException(503, "The broker could not be reached to replay " + queue + "; try again.");
        }
    }
}
