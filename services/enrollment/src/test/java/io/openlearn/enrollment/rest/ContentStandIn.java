package io.openlearn.enrollment.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Test only: content-repository's content groups of a course ({@code GET /api/content/v1/courses/{key}/content-groups}),
 * served inside the test application under {@code /stub/content}. Every course declares partitions 101 and 102 with
 * groups 0 to 9.
 */
@Path("/stub/content/api/content/v1/courses/{courseKey}/content-groups")
@Produces(MediaType.APPLICATION_JSON)
public class ContentStandIn {

    @GET
    public Map<String, Object> partitions(@PathParam("courseKey") String courseKey) {
        return Map.of("courseKey", courseKey, "partitions", List.of(partition(101), partition(102)));
    }

    private static Map<String, Object> partition(int id) {
        return Map.of("id", id, "name", "Partition " + id, "groups", IntStream.range(0, 10)
                .mapToObj(g -> Map.of("id", g, "name", "Group " + g)).toList());
    }
}
