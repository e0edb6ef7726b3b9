package io.openlearn.content.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The levels of an Open edX course outline; each type lives under exactly one parent type. */
public enum BlockType {
    COURSE(null),
    CHAPTER(COURSE),
    SEQUENTIAL(CHAPTER),
    VERTICAL(SEQUENTIAL),
    PROBLEM(VERTICAL),
    HTML(VERTICAL),
    VIDEO(VERTICAL);

    private final BlockType parent;

    BlockType(BlockType parent) {
        this.parent = parent;
    }

    /** The only type a block of this type may be placed under; null for the course root. */
    public BlockType parentType() {
        return parent;
    }

    /** Because every type has one fixed parent type, no move can ever make a block its own ancestor. */
    public boolean fitsUnder(BlockType candidate) {
        return parent != null && parent == candidate;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BlockType fromWire(String value) {
        for (BlockType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown block type " + value);
    }
}
