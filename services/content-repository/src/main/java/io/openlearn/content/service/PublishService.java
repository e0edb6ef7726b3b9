package io.openlearn.content.service;

import io.openlearn.content.domain.BlockContent;
import io.openlearn.content.domain.BlockType;
import io.openlearn.content.domain.ContentGroupPartition;
import io.openlearn.content.domain.DraftBlock;
import io.openlearn.content.domain.EntranceExam;
import io.openlearn.content.domain.GateCheck;
import io.openlearn.content.domain.GradingStructure;
import io.openlearn.content.domain.OutlineIndex;
import io.openlearn.content.domain.Prerequisite;
import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.domain.StructureCollector;
import io.openlearn.content.messaging.PublishedEventRelay;
import io.openlearn.content.repository.DraftRepository;
import io.openlearn.content.repository.DraftRepository.Draft;
import io.openlearn.content.repository.PublishedBlockRepository;
import io.openlearn.content.repository.PublishedBlockRepository.PublishedBlock;
import io.openlearn.content.repository.PublishedVersionRepository;
import io.openlearn.kit.problem.Problem.FieldError;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.problem.Problems;
import io.openlearn.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishing: the live draft becomes an immutable, numbered version. Two passes over the draft keep memory
 * proportional to the outline, not the content: the first reads positions only and fixes course order; the second
 * streams the blocks into published documents a thousand at a time, keeping just what the grading structure
 * needs. The version document, inserted last and carrying its event, is what makes the publish happen: until then
 * nothing is visible, and a publish that fails or loses a race removes what it wrote.
 */
@ApplicationScoped
public class PublishService {

    private static final Logger LOG = Logger.getLogger(PublishService.class);
    static final int ATTEMPTS = 3;

    private final DraftRepository drafts;
    private final DraftService draftService;
    private final PublishedBlockRepository published;
    private final PublishedVersionRepository versions;
    private final StructureService structures;
    private final PublishedEventRelay relay;
    private final Clock clock = Clock.systemUTC();

    public PublishService(DraftRepository drafts, DraftService draftService, PublishedBlockRepository published,
            PublishedVersionRepository versions, StructureService structures,
            PublishedEventRelay relay) {
        this.drafts = drafts;
        this.draftService = draftService;
        this.published = published;
        this.versions = versions;
        this.structures = structures;
        this.relay = relay;
    }

    /** The course team publishes the draft; the version records the caller's name. */
    public PublishedVersion publish(Caller caller, String courseKey) {
        ContentTeam.requireTeam(caller, courseKey);
        return publish(courseKey, caller.name());
    }

    PublishedVersion publish(String courseKey, String publishedBy) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<PublishedVersion> done = attempt(courseKey, publishedBy);
            if (done.isPresent()) {
                relay.wake();
                return done.get();
            }
        }
        throw new ProblemException(409, "The draft kept changing (or another publish ran) while publishing; "
                + "publish again.");
    }

    private Optional<PublishedVersion> attempt(String courseKey, String publishedBy) {
        long started = System.nanoTime();
        Draft draft = drafts.open(courseKey);
        OutlineIndex outline = draftService.outline(draft);
        long outlined = System.nanoTime();
        String publishId = UUID.randomUUID().toString().replace("-", "");
        Snapshot snapshot;
        try {
            snapshot = writeBlocks(draft, outline, publishId);
        } catch (RuntimeException e) {
            published.deleteAttempt(courseKey, publishId);
            throw e;
        }
        if (!snapshot.groupErrors().isEmpty()) {
            published.deleteAttempt(courseKey, publishId);
            throw new ProblemException(Problems.typeFor(409), "Conflict", 409, "Blocks of the draft restrict "
                    + "themselves to groups the course does not have; fix their groupAccess or the course's "
                    + "contentGroups, then publish.", snapshot.groupErrors());
        }
        if (!snapshot.gateErrors().isEmpty()) {
            published.deleteAttempt(courseKey, publishId);
            throw new ProblemException(Problems.typeFor(409), "Conflict", 409, "Gates of the draft name blocks the "
                    + "course does not have or form a cycle; fix their prerequisite or the course's entranceExam, "
                    + "then publish.", snapshot.gateErrors());
        }
        if (snapshot.written() != outline.size()) {
            // a block of the outline was deleted between the passes: its parent would list a missing child. (Blocks
            // added meanwhile are simply not in this version; a move keeps the first pass's place.)
            published.deleteAttempt(courseKey, publishId);
            return Optional.empty();
        }
        Optional<PublishedVersion> previous = versions.latest(courseKey);
        int number = previous.map(v -> v.version() + 1).orElse(1);
        Instant now = clock.instant();
        GradingStructure structure = snapshot.collect(outline).finish(courseKey, number, now);
        boolean gradingChanged = previous.map(v -> !structure.gradingDigest().equals(v.gradingDigest()))
                .orElse(true);
        PublishedVersion version = new PublishedVersion(courseKey, number, now, gradingChanged, publishId,
                snapshot.written(), structure.gradingDigest(), publishedBy);
        if (!versions.insert(version, UUID.randomUUID())) {
            published.deleteAttempt(courseKey, publishId);
            return Optional.empty();
        }
        structures.store(structure);
        LOG.infof("Published %s v%d: %d blocks, grading %s; outline %d ms, blocks and version %d ms", courseKey,
                number, snapshot.written(), gradingChanged ? "changed" : "unchanged",
                (outlined - started) / 1_000_000, (System.nanoTime() - outlined) / 1_000_000);
        return Optional.of(version);
    }

    /**
     * What the second pass keeps per block in course order: only the grading, schedule and gate fields of the
     * course, chapters, sequentials, verticals and problems.
     */
    private record Snapshot(int written, BlockType[] types, BlockContent[] grading, List<FieldError> groupErrors,
            List<FieldError> gateErrors) {
        StructureCollector collect(OutlineIndex outline) {
            StructureCollector collector = new StructureCollector();
            for (int n = 0; n < types.length; n++) {
                if (types[n] != null) {
                    collector.accept(outline.keyAt(n), types[n], grading[n]);
                }
            }
            return collector;
        }
    }

    private Snapshot writeBlocks(Draft draft, OutlineIndex outline, String publishId) {
        Map<String, Integer> order = outline.courseOrder();
        BlockType[] types = new BlockType[outline.size()];
        BlockContent[] grading = new BlockContent[outline.size()];
        PublishedBlockRepository.Writer writer = published.writer(draft.courseKey(), publishId, outline.size());
        List<ContentGroupPartition> partitions = new ArrayList<>();
        List<DraftBlock> restricted = new ArrayList<>();
        drafts.forEachBlock(draft, block -> {
            Integer n = order.get(block.key());
            if (n == null) {
                return;
            }
            if (block.type() == BlockType.COURSE && block.content().contentGroups() != null) {
                partitions.addAll(block.content().contentGroups());
            }
            if (block.content().groupAccess() != null) {
                restricted.add(block);
            }
            writer.add(new PublishedBlock(n, block.key(), block.type(), outline.parentAt(n), outline.depthAt(n),
                    outline.childrenAt(n), block.content()));
            if (block.type() != BlockType.HTML && block.type() != BlockType.VIDEO) {
                types[n] = block.type();
                grading[n] = block.content().gradingView();
            }
        });
        // the course's partitions may have lost a group since a block named it: checked against the version's own
        List<FieldError> groupErrors = restricted.stream().flatMap(block -> block.content()
                .groupAccessViolations(partitions).stream()
                .map(e -> new FieldError(block.key() + "." + e.field(), e.message()))).toList();
        return new Snapshot(writer.finish(), types, grading, groupErrors, gateErrors(outline, types, grading));
    }

    /** The gates checked against the version's own blocks: a block they name may have been deleted since. */
    private static List<FieldError> gateErrors(OutlineIndex outline, BlockType[] types, BlockContent[] grading) {
        Map<String, BlockType> typeOf = new HashMap<>();
        Map<String, Prerequisite> prerequisites = new HashMap<>();
        EntranceExam exam = null;
        for (int n = 0; n < types.length; n++) {
            if (types[n] == null) {
                continue;
            }
            typeOf.put(outline.keyAt(n), types[n]);
            if (grading[n].prerequisite() != null) {
                prerequisites.put(outline.keyAt(n), grading[n].prerequisite());
            }
            if (types[n] == BlockType.COURSE) {
                exam = grading[n].entranceExam();
            }
        }
        List<FieldError> errors = new ArrayList<>();
        prerequisites.forEach((gated, prerequisite) -> GateCheck.prerequisite(gated, prerequisite, typeOf::get,
                prerequisites::get).forEach(e -> errors.add(new FieldError(gated + "." + e.field(), e.message()))));
        if (exam != null) {
            errors.addAll(GateCheck.entranceExam(exam, typeOf::get));
        }
        return errors;
    }
}
