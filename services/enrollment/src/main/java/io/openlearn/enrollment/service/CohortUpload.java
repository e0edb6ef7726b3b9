package io.openlearn.enrollment.service;

import io.openlearn.enrollment.client.UserDirectoryClient;
import io.openlearn.enrollment.domain.Cohort;
import io.openlearn.enrollment.repository.EnrollmentRepository;
import io.openlearn.kit.problem.Problem;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A CSV of learners and cohorts, as Open edX's cohort upload takes it: a header naming a {@code cohort} column and a
 * {@code user_id} or {@code username} column, then one learner per line. Every line is checked before anything is
 * placed; one bad line refuses the upload with a 400 naming each bad line, so an upload is applied whole or not at
 * all.
 */
@ApplicationScoped
public class CohortUpload {

    public static final int MAX_ROWS = 10_000;
    /** At most this many bad lines are named in one answer. */
    static final int MAX_REPORTED = 100;

    private final CohortService cohorts;
    private final EnrollmentRepository enrollments;
    private final UserDirectoryClient directory;

    public CohortUpload(CohortService cohorts, EnrollmentRepository enrollments, UserDirectoryClient directory) {
        this.cohorts = cohorts;
        this.enrollments = enrollments;
        this.directory = directory;
    }

    /** A checked line: the learner and the cohort it puts them in. */
    public record Row(int line, UUID userId, Cohort cohort) {
    }

    public List<CohortService.Placement> apply(Caller caller, String courseKey, String csv) {
        Map<String, Cohort> byName = cohorts.cohortsByName(caller, courseKey);
        List<String> lines = Arrays.asList(csv.split("\\r?\\n", -1));
        Header header = header(lines.isEmpty() ? "" : lines.get(0));
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int line = i + 1;
            String where = "csv line " + line;
            if (rows.size() + errors.size() >= MAX_ROWS) {
                throw ProblemException.invalid("csv", "at most " + MAX_ROWS + " learners per upload");
            }
            List<String> cells = cells(lines.get(i));
            if (cells.size() != header.width()) {
                errors.add(new Problem.FieldError(where, header.width() + " values, as the header names"));
                continue;
            }
            Cohort cohort = byName.get(cells.get(header.cohort()).toLowerCase(Locale.ROOT));
            Optional<UUID> learner = learner(header, cells);
            if (cohort == null) {
                errors.add(new Problem.FieldError(where, "no cohort named " + cells.get(header.cohort())));
            } else if (learner.isEmpty()) {
                errors.add(new Problem.FieldError(where, header.byUsername()
                        ? "no platform user named " + cells.get(header.learner())
                        : "not a platform user id (UUID): " + cells.get(header.learner())));
            } else if (!seen.add(learner.get())) {
                errors.add(new Problem.FieldError(where, "the learner is on an earlier line too"));
            } else if (!enrollments.isActive(learner.get(), courseKey)) {
                errors.add(new Problem.FieldError(where, "the learner is not actively enrolled"));
            } else {
                rows.add(new Row(line, learner.get(), cohort));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.subList(0, Math.min(errors.size(), MAX_REPORTED)));
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("csv", "at least one learner below the header");
        }
        return cohorts.placeAll(caller, courseKey, rows);
    }

    private Optional<UUID> learner(Header header, List<String> cells) {
        String value = cells.get(header.learner());
        if (header.byUsername()) {
            try {
                return directory.idOf(value);
            } catch (RuntimeException e) {
                throw new ProblemException(503, "The auth service could not resolve usernames; try again shortly.");
            }
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record Header(int width, int cohort, int learner, boolean byUsername) {
    }

    private static Header header(String line) {
        List<String> names = cells(line).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        int cohort = names.indexOf("cohort");
        int userId = names.indexOf("user_id");
        int username = names.indexOf("username");
        if (cohort < 0 || (userId < 0) == (username < 0)) {
            throw ProblemException.invalid("csv line 1",
                    "a header with a cohort column and either a user_id or a username column");
        }
        return new Header(names.size(), cohort, userId >= 0 ? userId : username, userId < 0);
    }

    /** The comma-separated values of a line, trimmed; a value in double quotes may hold commas ("" is a quote). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }
}
