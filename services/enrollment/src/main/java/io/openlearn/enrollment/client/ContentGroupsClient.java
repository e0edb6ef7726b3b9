package io.openlearn.enrollment.client;

import io.openlearn.enrollment.domain.ContentGroupLink;
import io.openlearn.kit.client.Upstream;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Whether a cohort's content-group link names a group the course declares: content owns the partitions, so it is
 * asked (afresh: links change rarely, and a stale "yes" would let a link through that matches no block).
 */
@ApplicationScoped
public class ContentGroupsClient {

    private final ContentGroups content;

    ContentGroupsClient(ContentGroups content) {
        this.content = content;
    }

    /** 400 naming {@code contentGroup} unless the course's partitions have the group; nothing for no link. */
    public void requireDeclared(String courseKey, ContentGroupLink link) {
        if (link == null) {
            return;
        }
        ContentGroups.Answer answer = Upstream.call("content-repository", () -> content.partitions(courseKey));
        List<ContentGroups.Partition> partitions = answer == null || answer.partitions() == null ? List.of()
                : answer.partitions();
        boolean declared = partitions.stream().filter(p -> p != null && Objects.equals(p.id(), link.partitionId()))
                .flatMap(p -> p.groups() == null ? Stream.empty() : p.groups().stream())
                .anyMatch(g -> g != null && Objects.equals(g.id(), link.groupId()));
        if (!declared) {
            throw ProblemException.invalid("contentGroup", "names group " + link.groupId() + " of partition "
                    + link.partitionId() + ", which the course's content does not declare (its contentGroups)");
        }
    }
}
