package io.openlearn.content.domain;

/** One block of a course's draft: where it sits (parent and sort key among its siblings) and what it holds. */
public record DraftBlock(String key, BlockType type, String parent, String sortKey, long revision,
        BlockContent content) {
}
