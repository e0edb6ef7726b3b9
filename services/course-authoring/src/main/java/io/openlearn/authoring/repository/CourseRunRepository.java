package io.openlearn.authoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class CourseRunRepository implements PanacheRepositoryBase<CourseRunEntity, String> {

    /** Catalog filters; null means "any". State and enrollment are evaluated at {@code now}. */
    public record Filter(String org, String state, Boolean enrollmentOpen, String afterKey, int limit) {
    }

    public List<CourseRunEntity> catalog(Filter filter, Instant now) {
        StringBuilder where = new StringBuilder("courseKey > :after");
        Parameters params = Parameters.with("after", filter.afterKey() == null ? "" : filter.afterKey());
        if (filter.org() != null) {
            where.append(" and org = :org");
            params.and("org", filter.org());
        }
        if (filter.state() != null) {
            where.append(switch (filter.state()) {
                case "upcoming" -> " and (start is null or start > :now) and (end is null or end > :now)";
                case "running" -> " and start <= :now and (end is null or end > :now)";
                default -> " and end <= :now";
            });
            params.and("now", now);
        }
        if (filter.enrollmentOpen() != null) {
            String open = "((enrollmentStart is null or enrollmentStart <= :now)"
                    + " and (coalesce(enrollmentEnd, end) is null or coalesce(enrollmentEnd, end) > :now))";
            where.append(filter.enrollmentOpen() ? " and " + open : " and not " + open);
            params.and("now", now);
        }
        return find(where + " order by courseKey", params).page(0, filter.limit()).list();
    }

    /** Applies a change only if nobody changed the run since the caller read it; false when stale. */
    public boolean bumpVersion(String courseKey, long expectedVersion) {
        return update("version = version + 1 where courseKey = ?1 and version = ?2", courseKey, expectedVersion) == 1;
    }
}
