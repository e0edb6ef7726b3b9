package io.openlearn.content.service;

import io.openlearn.content.domain.DraftBlock;
import io.openlearn.content.domain.OrderKeys;
import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.domain.UsageKey;
import io.openlearn.content.repository.DraftRepository;
import io.openlearn.content.repository.DraftRepository.Draft;
import io.openlearn.content.repository.PublishedBlockRepository;
import io.openlearn.content.repository.PublishedBlockRepository.PublishedBlock;
import io.openlearn.content.repository.PublishedVersionRepository;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Replacing a whole draft at once: discarding changes back to the published version, copying a run's draft into
 * its rerun, importing an archive. The new draft is written aside and switched in by one atomic write.
 */
@ApplicationScoped
public class DraftReplacement {

    private final DraftRepository drafts;
    private final PublishedVersionRepository versions;
    private final PublishedBlockRepository published;

    public DraftReplacement(DraftRepository drafts, PublishedVersionRepository versions,
            PublishedBlockRepository published) {
        this.drafts = drafts;
        this.versions = versions;
        this.published = published;
    }

    public record Replaced(String courseKey, int blockCount, Integer fromVersion) {
    }

    /** The draft becomes the latest published version again. */
    /** The course team throws the draft's changes away. */
    public Replaced discard(Caller caller, String courseKey) {
        ContentTeam.requireTeam(caller, courseKey);
        return discard(courseKey);
    }

    Replaced discard(String courseKey) {
        PublishedVersion latest = versions.latest(courseKey).orElseThrow(
                () -> new ProblemException(409, courseKey + " was never published: there is nothing to go back to."));
        Draft draft = drafts.open(courseKey);
        Counting<DraftBlock> blocks = new Counting<>(new SortKeysFromOrder(
                published.iterateInOrder(courseKey, latest.publishId())));
        switchTo(draft, blocks);
        return new Replaced(courseKey, blocks.count, latest.version());
    }

    /** {@code blocks} (keys of any run of the course) become the draft of {@code courseKey}; it must be empty. */
    public Replaced replaceEmpty(String courseKey, Iterator<DraftBlock> blocks) {
        Draft draft = requireEmpty(courseKey);
        Counting<DraftBlock> counted = new Counting<>(new Rekeyed(blocks, courseKey));
        switchTo(draft, counted);
        return new Replaced(courseKey, counted.count, null);
    }

    /** The run's draft, refused (409) unless it holds nothing but its root. */
    public Draft requireEmpty(String courseKey) {
        Draft draft = drafts.open(courseKey);
        if (!drafts.children(draft, UsageKey.root(courseKey).toString()).isEmpty()) {
            throw new ProblemException(409, courseKey + " has content already; delete its chapters first.");
        }
        return draft;
    }

    /** A run's draft, lazily, to copy or export. */
    public Iterator<DraftBlock> draftOf(String courseKey) {
        return drafts.existing(courseKey).map(drafts::iterate).orElse(java.util.Collections.emptyIterator());
    }

    private void switchTo(Draft draft, Iterator<DraftBlock> blocks) {
        boolean switched;
        try {
            switched = drafts.replace(draft, blocks).isPresent();
        } catch (com.mongodb.MongoBulkWriteException e) {
            throw new ProblemException(400, "The blocks name the same block twice; nothing was changed.");
        }
        if (!switched) {
            throw new ProblemException(409, "Another replacement of " + draft.courseKey()
                    + "'s draft finished first; read the draft again.");
        }
    }

    /** Published blocks come in course order with their children listed: sort keys follow from that. */
    private static final class SortKeysFromOrder implements Iterator<DraftBlock> {
        private final Iterator<PublishedBlock> source;
        private final Map<String, String> sortKeys = new HashMap<>();

        SortKeysFromOrder(Iterator<PublishedBlock> source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            return source.hasNext();
        }

        @Override
        public DraftBlock next() {
            PublishedBlock block = source.next();
            List<String> children = block.children();
            String[] keys = OrderKeys.evenlySpaced(children.size());
            for (int i = 0; i < keys.length; i++) {
                sortKeys.put(children.get(i), keys[i]);
            }
            String sortKey = sortKeys.remove(block.key());
            return new DraftBlock(block.key(), block.type(), block.parent(), sortKey == null ? "" : sortKey, 1,
                    block.content());
        }
    }

    /** Blocks of another run under this run's keys (block ids stay), the keys their gates name included. */
    private static final class Rekeyed implements Iterator<DraftBlock> {
        private final Iterator<DraftBlock> source;
        private final Function<String, String> rekey;

        Rekeyed(Iterator<DraftBlock> source, String courseKey) {
            this.source = source;
            this.rekey = key -> key == null ? null : UsageKey.parse(key).inCourse(courseKey).toString();
        }

        @Override
        public boolean hasNext() {
            return source.hasNext();
        }

        @Override
        public DraftBlock next() {
            DraftBlock block = source.next();
            return new DraftBlock(rekey.apply(block.key()), block.type(), rekey.apply(block.parent()),
                    block.sortKey(), 1, block.content().withGatesRekeyed(this::rekeyNamed));
        }

        /** A key a gate names: one that is no usage key names no block here either, and publishing says so. */
        private String rekeyNamed(String key) {
            try {
                return rekey.apply(key);
            } catch (IllegalArgumentException e) {
                return key;
            }
        }
    }

    private static final class Counting<T> implements Iterator<T> {
        private final Iterator<T> source;
        private int count;

        Counting(Iterator<T> source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            return source.hasNext();
        }

        @Override
        public T next() {
            count++;
            return source.next();
        }
    }
}
