package io.openlearn.authoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class CourseRunRepository implements PanacheRepositoryBase<CourseRunEntity, String> {

    static final int CATALOG_PAGE = 200;

    public List<CourseRunEntity> catalog(String org) {
        var query = org == null ? find("order by courseKey") : find("org = ?1 order by courseKey", org);
        return query.page(0, CATALOG_PAGE).list();
    }
}
