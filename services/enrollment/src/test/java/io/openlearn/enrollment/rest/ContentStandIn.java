package io.openlearn.enrollment.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Test only: content-repository's content groups of a course ({@code GET /api/content/v1/courses/{key}/content-groups}),
 * served inside the test application under {@code /stub/content}. Every course declares partitions 101 and 102 with
 * groups 0 to 9, unless a test says it declares none ({@link #withoutContentGroups}).
 */
@Path("/stub/content/api/content/v1/courses/{courseKey}/content-groups")
@Produces(MediaType.APPLICATION_JSON)
public class ContentStandIn {

    private static final Set<String> WITHOUT = ConcurrentHashMap.newKeySet();

    public static void withoutContentGroups(String courseKey) {
        WITHOUT.add(courseKey);
    }

    @GET
    public Map<String, Object> partitions(@PathParam("courseKey") String courseKey) {
        List<Map<String, Object>> partitions = WITHOUT.contains(courseKey) ? List.of()
                : List.of(partition(101), partition(102));
        return Map.of("courseKey", courseKey, "partitions", partitions);
    }

    private static Map<String, Object> partition(int id) {
        return Map.of("id", id, "name", "Partition " + id, "groups", IntStream.range(0, 10)
                .mapToObj(g -> Map.of("id", g, "name", "Group " + g)).toList());
    }
}
