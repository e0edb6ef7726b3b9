package io.openlearn.content.service;

import io.openlearn.content.client.ObjectStore;
import io.openlearn.content.domain.DraftBlock;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;

/**
 * A rerun starts from its source run's content: the draft (block ids kept, keys moved to the new run) and the
 * assets. The new run publishes when its team is ready; nothing is published for it here.
 */
@ApplicationScoped
public class ContentCopyService {

    private final DraftReplacement replacement;
    private final AssetService assets;
    private final ObjectStore store;

    public ContentCopyService(DraftReplacement replacement, AssetService assets, ObjectStore store) {
        this.replacement = replacement;
        this.assets = assets;
        this.store = store;
    }

    public record Copied(String sourceCourseKey, String targetCourseKey, int copiedBlocks, int copiedAssets) {
    }

    public Copied copy(String sourceKey, String targetKey) {
        if (sourceKey.equals(targetKey)) {
            throw new ProblemException(400, "A run's content cannot be copied onto itself.");
        }
        Iterator<DraftBlock> source = replacement.draftOf(sourceKey);
        if (source.hasNext()) {
            // refuse before copying assets into a run that cannot take the blocks
            replacement.requireEmpty(targetKey);
        }
        int copiedAssets = 0;
        for (AssetService.Asset asset : assets.list(sourceKey)) {
            store.copy(AssetService.key(sourceKey, asset.name()), AssetService.key(targetKey, asset.name()));
            copiedAssets++;
        }
        int copiedBlocks = source.hasNext() ? replacement.replaceEmpty(targetKey, source).blockCount() : 0;
        return new Copied(sourceKey, targetKey, copiedBlocks, copiedAssets);
    }
}
