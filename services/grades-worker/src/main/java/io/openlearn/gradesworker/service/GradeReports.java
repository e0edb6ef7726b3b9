package io.openlearn.gradesworker.service;

import io.openlearn.grades.client.ReportStore;
import io.openlearn.grades.client.RosterClient;
import io.openlearn.grades.client.StructureClient;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.ProblemScore;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.repository.CourseState;
import io.openlearn.grades.repository.GradeJob;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Grade reports as CSV in S3, one line per graded learner, streamed from PostgreSQL (a server-side cursor ordered by
 * learner) into a multipart upload: memory holds one learner's row and one upload part, whatever the course size.
 * The course grade report has the course grade and every subsection's percent; the problem grade report has every
 * problem's weighted earned and possible, as Open edX's reports do.
 */
@ApplicationScoped
public class GradeReports {

    private static final String COURSE_ROWS = "SELECT c.user_id, c.percent, c.letter_grade, c.passed,"
            + " s.subsection_key, s.percent FROM course_grade c LEFT JOIN subsection_grade s"
            + " ON s.course_key = c.course_key AND s.user_id = c.user_id WHERE c.course_key = ?"
            + " AND (? OR NOT EXISTS (SELECT 1 FROM course_departure d"
            + " WHERE d.course_key = c.course_key AND d.user_id = c.user_id))"
            + " AND (?::uuid[] IS NULL OR c.user_id = ANY (?::uuid[])) ORDER BY c.user_id";
    private static final String PROBLEM_ROWS = "SELECT c.user_id, p.item_key, p.raw_earned, p.raw_possible"
            + " FROM course_grade c LEFT JOIN score_projection p ON p.course_key = c.course_key"
            + " AND p.user_id = c.user_id WHERE c.course_key = ? AND (? OR NOT EXISTS"
            + " (SELECT 1 FROM course_departure d WHERE d.course_key = c.course_key AND d.user_id = c.user_id))"
            + " AND (?::uuid[] IS NULL OR c.user_id = ANY (?::uuid[])) ORDER BY c.user_id";

    private final Transactions transactions;
    private final CourseStates states;
    private final StructureClient structures;
    private final ReportStore store;
    private final RosterClient roster;

    public GradeReports(Transactions transactions, CourseStates states, StructureClient structures,
            ReportStore store, RosterClient roster) {
        this.transactions = transactions;
        this.states = states;
        this.structures = structures;
        this.store = store;
        this.roster = roster;
    }

    /** Writes the job's report and returns its object key. */
    public String produce(GradeJob job) throws IOException {
        CourseState state = states.current(job.courseKey()).orElseThrow(() -> new ProblemException(422,
                "Course " + job.courseKey() + " has no published content to report on."));
        CourseStructure structure = structures.version(job.courseKey(), state.contentVersion());
        String key = "reports/" + job.courseKey() + "/" + job.kind().name() + "-" + job.id() + ".csv";
        store.write(key, "text/csv; charset=utf-8", out -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (job.kind() == GradeJob.Kind.course_grade_report) {
                courseGrades(job, structure, csv);
            } else {
                problemGrades(job, structure, csv);
            }
            csv.flush();
        });
        return key;
    }

    private void courseGrades(GradeJob job, CourseStructure structure, Writer csv) throws IOException {
        List<String> header = new ArrayList<>(List.of("user_id", "grade", "letter_grade", "passed"));
        Map<String, Integer> column = new HashMap<>();
        for (SubsectionDefinition subsection : structure.subsections()) {
            column.put(subsection.key(), column.size());
            header.add(subsection.displayName() != null ? subsection.displayName() : subsection.key());
        }
        line(csv, header);
        String[] percents = new String[column.size()];
        stream(job, COURSE_ROWS, new RowSink() {
            String[] course;

            @Override
            public void learnerStarts(ResultSet row) throws java.sql.SQLException {
                course = new String[] {row.getObject(1, UUID.class).toString(), number(row.getDouble(2)),
                        row.getString(3) == null ? "" : row.getString(3), String.valueOf(row.getBoolean(4))};
                java.util.Arrays.fill(percents, "0");
            }

            @Override
            public void row(ResultSet row) throws java.sql.SQLException {
                Integer at = row.getString(5) == null ? null : column.get(row.getString(5));
                if (at != null) {
                    percents[at] = number(row.getDouble(6));
                }
            }

            @Override
            public void learnerEnds() throws IOException {
                List<String> values = new ArrayList<>(List.of(course));
                values.addAll(List.of(percents));
                line(csv, values);
            }
        });
    }

    private void problemGrades(GradeJob job, CourseStructure structure, Writer csv) throws IOException {
        List<String> header = new ArrayList<>(List.of("user_id"));
        List<ProblemDefinition> problems = structure.subsections().stream().flatMap(s -> s.problems().stream())
                .toList();
        Map<String, Integer> column = new HashMap<>();
        for (ProblemDefinition problem : problems) {
            column.put(problem.key(), column.size());
            header.add(problem.key() + " (Earned)");
            header.add(problem.key() + " (Possible)");
        }
        line(csv, header);
        ProblemScore[] scores = new ProblemScore[problems.size()];
        stream(job, PROBLEM_ROWS, new RowSink() {
            String learner;

            @Override
            public void learnerStarts(ResultSet row) throws java.sql.SQLException {
                learner = row.getObject(1, UUID.class).toString();
                java.util.Arrays.fill(scores, null);
            }

            @Override
            public void row(ResultSet row) throws java.sql.SQLException {
                Integer at = row.getString(2) == null ? null : column.get(row.getString(2));
                if (at != null) {
                    scores[at] = new ProblemScore(row.getDouble(3), row.getDouble(4));
                }
            }

            @Override
            public void learnerEnds() throws IOException {
                List<String> values = new ArrayList<>(1 + 2 * problems.size());
                values.add(learner);
                for (int i = 0; i < problems.size(); i++) {
                    ProblemDefinition.WeightedScore weighted = problems.get(i).weigh(scores[i]);
                    values.add(number(weighted.earned()));
                    values.add(number(weighted.possible()));
                }
                line(csv, values);
            }
        });
    }

    /** Callbacks over rows grouped by learner (the first column), in learner order. */
    private interface RowSink {
        void learnerStarts(ResultSet row) throws java.sql.SQLException;

        void row(ResultSet row) throws java.sql.SQLException;

        void learnerEnds() throws IOException;
    }

    /**
     * Learners who left the course are in the report only when the job asked for them; a report of one cohort or
     * one track lists the learners enrollment names for it, read before the transaction opens.
     */
    private void stream(GradeJob job, String sql, RowSink sink) {
        RosterClient.LearnerFilter filter = new RosterClient.LearnerFilter(job.cohort(), job.track());
        Set<UUID> only = filter.isEmpty() ? null : roster.learnersOf(job.courseKey(), filter);
        transactions.inNew(db -> {
            try (PreparedStatement query = db.prepareStatement(sql)) {
                query.setString(1, job.courseKey());
                query.setBoolean(2, job.includeUnenrolled());
                Array learners = only == null ? null : db.createArrayOf("uuid", only.toArray());
                for (int i = 3; i <= 4; i++) {
                    if (learners == null) {
                        query.setNull(i, Types.ARRAY);
                    } else {
                        query.setArray(i, learners);
                    }
                }
                query.setFetchSize(10_000);
                try (ResultSet row = query.executeQuery()) {
                    Object current = null;
                    while (row.next()) {
                        Object learner = row.getObject(1);
                        if (!learner.equals(current)) {
                            if (current != null) {
                                sink.learnerEnds();
                            }
                            sink.learnerStarts(row);
                            current = learner;
                        }
                        sink.row(row);
                    }
                    if (current != null) {
                        sink.learnerEnds();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }

    private static void line(Writer csv, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            String value = values.get(i);
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                csv.write('"');
                csv.write(value.replace("\"", "\"\""));
                csv.write('"');
            } else {
                csv.write(value);
            }
        }
        csv.write('\n');
    }
}
