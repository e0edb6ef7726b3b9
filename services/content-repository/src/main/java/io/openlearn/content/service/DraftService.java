package io.openlearn.content.service;

import io.openlearn.content.domain.BlockContent;
import io.openlearn.content.domain.BlockType;
import io.openlearn.content.domain.ContentGroupPartition;
import io.openlearn.content.domain.DraftBlock;
import io.openlearn.content.domain.GateCheck;
import io.openlearn.content.domain.OrderKeys;
import io.openlearn.content.domain.OutlineIndex;
import io.openlearn.content.domain.UsageKey;
import io.openlearn.content.repository.DraftRepository;
import io.openlearn.content.repository.DraftRepository.Draft;
import io.openlearn.kit.problem.Problem.FieldError;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Editing a course's draft: create, change, move (and reorder) and delete blocks. Each change writes one document,
 * conditioned on the revision the author read (their ETag), so a stale write changes nothing and answers 412.
 */
@ApplicationScoped
public class DraftService {

    private static final int READ_BATCH = 500;

    private final DraftRepository drafts;

    public DraftService(DraftRepository drafts) {
        this.drafts = drafts;
    }

    /** A block as the author sees it, with the tag to send back on the next change. */
    public record EditableBlock(DraftBlock block, List<String> children, String etag) {
    }

    public record NewBlock(BlockType type, String id, String parent, Integer index, BlockContent content) {
    }

    /** The draft in course order, for the course team (403 checked now, the blocks read when consumed). */
    public Consumer<Consumer<EditableBlock>> courseOrder(Caller caller, String courseKey) {
        ContentTeam.requireTeam(caller, courseKey);
        return consumer -> forEachInCourseOrder(courseKey, consumer);
    }

    public EditableBlock get(Caller caller, String courseKey, String key) {
        ContentTeam.requireTeam(caller, courseKey);
        return get(courseKey, key);
    }

    /** {@code request} is read (400 when absent) once the caller may create blocks. */
    public EditableBlock create(Caller caller, String courseKey, Supplier<NewBlock> request) {
        ContentTeam.requireTeam(caller, courseKey);
        return create(courseKey, request.get());
    }

    public EditableBlock update(Caller caller, String courseKey, String key, String ifMatch, BlockContent content) {
        ContentTeam.requireTeam(caller, courseKey);
        return update(courseKey, key, ifMatch, content);
    }

    public EditableBlock move(Caller caller, String courseKey, String key, String ifMatch, String newParent,
            Integer index) {
        ContentTeam.requireTeam(caller, courseKey);
        return move(courseKey, key, ifMatch, newParent, index);
    }

    public void delete(Caller caller, String courseKey, String key, String ifMatch) {
        ContentTeam.requireTeam(caller, courseKey);
        delete(courseKey, key, ifMatch);
    }

    /**
     * The draft course block's content-group partitions (none for a course never authored): services and the team
     * only.
     */
    public List<ContentGroupPartition> contentGroups(Caller caller, String courseKey) {
        ContentTeam.requireTeamOrService(caller, courseKey);
        return drafts.existing(courseKey).flatMap(draft -> drafts.find(draft, UsageKey.root(courseKey).toString()))
                .map(course -> course.content().contentGroups()).filter(Objects::nonNull)
                .orElse(List.of());
    }

    EditableBlock get(String courseKey, String key) {
        Draft draft = drafts.open(courseKey);
        DraftBlock block = drafts.find(draft, requireKeyIn(courseKey, key)).orElseThrow(() -> notFound(key));
        return editable(draft, block);
    }

    EditableBlock create(String courseKey, NewBlock request) {
        if (request.type() == null || request.type() == BlockType.COURSE) {
            throw ProblemException.invalid("type", "one of chapter, sequential, vertical, problem, html, video");
        }
        String id = request.id() == null ? UUID.randomUUID().toString().replace("-", "") : request.id();
        if (!UsageKey.BLOCK_ID.matcher(id).matches()) {
            throw ProblemException.invalid("id", "1 to 64 letters, digits, '_' or '-'");
        }
        validate(request.type(), request.content());
        Draft draft = drafts.open(courseKey);
        String key = UsageKey.of(courseKey, request.type(), id).toString();
        requireKnownGroups(draft, courseKey, request.content());
        requireKnownGates(draft, key, request.content());
        String parentKey = request.parent() == null ? UsageKey.root(courseKey).toString() : request.parent();
        DraftBlock parent = parentOf(draft, courseKey, parentKey, request.type(), "parent");
        String sortKey = sortKeyAt(draft, parent.key(), null, request.index());
        DraftBlock block = new DraftBlock(key, request.type(), parent.key(), sortKey, 1, request.content());
        if (!drafts.insert(draft, block)) {
            throw new ProblemException(409, "A block " + key + " exists already.");
        }
        return editable(draft, block);
    }

    EditableBlock update(String courseKey, String key, String ifMatch, BlockContent content) {
        Draft draft = drafts.open(courseKey);
        DraftBlock current = drafts.find(draft, requireKeyIn(courseKey, key)).orElseThrow(() -> notFound(key));
        validate(current.type(), content);
        requireKnownGroups(draft, courseKey, content);
        requireKnownGates(draft, key, content);
        long revision = revisionNamed(draft, ifMatch);
        DraftBlock updated = drafts.updateContent(draft, key, revision, content)
                .orElseThrow(() -> stale(draft, key));
        return editable(draft, updated);
    }

    /** Moves a block under another parent of the right type, or to another place among its siblings. */
    EditableBlock move(String courseKey, String key, String ifMatch, String newParent, Integer index) {
        Draft draft = drafts.open(courseKey);
        DraftBlock current = drafts.find(draft, requireKeyIn(courseKey, key)).orElseThrow(() -> notFound(key));
        if (current.type() == BlockType.COURSE) {
            throw new ProblemException(409, "The course root stays where it is.");
        }
        long revision = revisionNamed(draft, ifMatch);
        String parentKey = newParent == null ? current.parent() : newParent;
        DraftBlock parent = parentOf(draft, courseKey, parentKey, current.type(), "parent");
        String sortKey = sortKeyAt(draft, parent.key(), key, index);
        DraftBlock moved = drafts.move(draft, key, revision, parent.key(), sortKey)
                .orElseThrow(() -> stale(draft, key));
        return editable(draft, moved);
    }

    /** Deletes a block and everything under it. */
    void delete(String courseKey, String key, String ifMatch) {
        Draft draft = drafts.open(courseKey);
        DraftBlock current = drafts.find(draft, requireKeyIn(courseKey, key)).orElseThrow(() -> notFound(key));
        if (current.type() == BlockType.COURSE) {
            throw new ProblemException(409, "The course root cannot be deleted.");
        }
        long revision = revisionNamed(draft, ifMatch);
        OutlineIndex outline = outline(draft);
        if (!drafts.deleteIfRevision(draft, key, revision)) {
            throw stale(draft, key);
        }
        // the block itself went in one atomic write; its subtree is now unreachable and is swept
        drafts.deleteAll(draft, outline.descendantsOf(key));
    }

    /** The draft outline of a course, from its live draft. */
    public OutlineIndex outline(Draft draft) {
        OutlineIndex.Builder builder = new OutlineIndex.Builder();
        drafts.forEachPosition(draft, builder::add);
        return builder.build(UsageKey.root(draft.courseKey()).toString());
    }

    /**
     * Every reachable block in course order, read in batches so a large course is never loaded whole. Returns the
     * draft generation read, for the caller to tag the result with.
     */
    public Draft forEachInCourseOrder(String courseKey, Consumer<EditableBlock> consumer) {
        Draft draft = drafts.open(courseKey);
        OutlineIndex outline = outline(draft);
        for (int start = 0; start < outline.size(); start += READ_BATCH) {
            int end = Math.min(outline.size(), start + READ_BATCH);
            java.util.Map<String, List<String>> childrenOf = new java.util.LinkedHashMap<>();
            for (int n = start; n < end; n++) {
                childrenOf.put(outline.keyAt(n), outline.childrenAt(n));
            }
            for (DraftBlock block : drafts.findAll(draft, List.copyOf(childrenOf.keySet()))) {
                consumer.accept(new EditableBlock(block, childrenOf.get(block.key()), etag(draft, block)));
            }
        }
        return draft;
    }

    public static String etag(Draft draft, DraftBlock block) {
        return draft.generation() + "." + block.revision();
    }

    private EditableBlock editable(Draft draft, DraftBlock block) {
        List<String> children = drafts.children(draft, block.key()).stream().map(DraftRepository.Child::key)
                .toList();
        return new EditableBlock(block, children, etag(draft, block));
    }

    private DraftBlock parentOf(Draft draft, String courseKey, String parentKey, BlockType childType, String field) {
        UsageKey parsed;
        try {
            parsed = UsageKey.parse(parentKey);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a usage key of this course");
        }
        if (!parsed.courseKey().equals(courseKey)) {
            throw ProblemException.invalid(field, "must be a block of this course");
        }
        if (!childType.fitsUnder(parsed.type())) {
            throw ProblemException.invalid(field, "a " + childType.wireName() + " goes under a "
                    + childType.parentType().wireName() + ", not a " + parsed.type().wireName());
        }
        return drafts.find(draft, parentKey)
                .orElseThrow(() -> new ProblemException(409, "The parent " + parentKey + " is not in the draft."));
    }

    /** A sort key placing a block at {@code index} among the parent's other children (null: last). */
    private String sortKeyAt(Draft draft, String parent, String moving, Integer index) {
        List<String> siblings = drafts.children(draft, parent).stream().filter(c -> !c.key().equals(moving))
                .map(DraftRepository.Child::sortKey).toList();
        if (index != null && index < 0) {
            throw ProblemException.invalid("index", "must be 0 or more");
        }
        int at = index == null ? siblings.size() : Math.min(index, siblings.size());
        String before = at == 0 ? null : siblings.get(at - 1);
        String after = at == siblings.size() ? null : siblings.get(at);
        if (before != null && after != null && before.compareTo(after) >= 0) {
            // two siblings raced to the same key; place after both rather than fail
            after = null;
            before = siblings.get(siblings.size() - 1);
        }
        return OrderKeys.between(before, after);
    }

    private long revisionNamed(Draft draft, String ifMatch) {
        String tag = io.openlearn.kit.http.EntityTags.required(ifMatch);
        int dot = tag.indexOf('.');
        try {
            if (dot > 0 && Integer.parseInt(tag.substring(0, dot)) == draft.generation()) {
                return Long.parseLong(tag.substring(dot + 1));
            }
        } catch (NumberFormatException e) {
            // not one of our tags: cannot match
        }
        throw new ProblemException(412, "If-Match names a version of this block that is no longer current; "
                + "read it again.");
    }

    private ProblemException stale(Draft draft, String key) {
        return drafts.find(draft, key).isPresent()
                ? new ProblemException(412, "The block changed since you read it; read it again and reapply.")
                : notFound(key);
    }

    private static String requireKeyIn(String courseKey, String key) {
        try {
            if (UsageKey.parse(key).courseKey().equals(courseKey)) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ProblemException(404, "No block " + key + " in " + courseKey + ".");
    }

    private static ProblemException notFound(String key) {
        return new ProblemException(404, "No block " + key + " in the draft.");
    }

    /** A block's {@code groupAccess} names the enrollment track or the draft course block's content groups only. */
    private void requireKnownGroups(Draft draft, String courseKey, BlockContent content) {
        if (content.groupAccess() == null) {
            return;
        }
        List<ContentGroupPartition> partitions = drafts.find(draft, UsageKey.root(courseKey).toString())
                .map(course -> course.content().contentGroups()).orElse(null);
        List<FieldError> errors = content.groupAccessViolations(partitions);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * A prerequisite names another sequential of the draft without closing a cycle (with this write in place); an
     * entrance exam names a chapter of the draft.
     */
    private void requireKnownGates(Draft draft, String key, BlockContent content) {
        Function<String, BlockType> typeOf = k -> drafts.find(draft, k).map(DraftBlock::type).orElse(null);
        List<FieldError> errors = new ArrayList<>();
        if (content.prerequisite() != null) {
            errors.addAll(GateCheck.prerequisite(key, content.prerequisite(), typeOf, k -> k.equals(key)
                    ? content.prerequisite()
                    : drafts.find(draft, k).map(block -> block.content().prerequisite()).orElse(null)));
        }
        if (content.entranceExam() != null) {
            errors.addAll(GateCheck.entranceExam(content.entranceExam(), typeOf));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void validate(BlockType type, BlockContent content) {
        if (content == null) {
            throw ProblemException.invalid("body", "block content is required");
        }
        List<FieldError> errors = content.violations(type);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
