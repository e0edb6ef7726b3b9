package io.openlearn.content.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a course outline without its content: which block is under which, in what order. Built from one
 * light pass over the blocks (key, parent, sort key), it yields the course order (pre-order from the root) and
 * each block's children. Blocks not reachable from the root (left behind by a concurrent delete) are not in it.
 * Kept in arrays indexed by position so a 100,000-block course costs a few megabytes, not a tree of objects.
 */
public final class OutlineIndex {

    private final String[] keys;
    private final int[] order;
    private final int[] depth;
    private final int[][] children;
    private final int[] parentOf;
    private final Map<String, Integer> positions;

    private OutlineIndex(String[] keys, int[] order, int[] depth, int[][] children, int[] parentOf,
            Map<String, Integer> positions) {
        this.keys = keys;
        this.parentOf = parentOf;
        this.order = order;
        this.depth = depth;
        this.children = children;
        this.positions = positions;
    }

    /** Collects entries one at a time, so callers can feed it straight from a database cursor. */
    public static final class Builder {
        private final List<String> keys = new ArrayList<>();
        private final List<String> parents = new ArrayList<>();
        private final List<String> sortKeys = new ArrayList<>();

        public Builder add(String key, String parent, String sortKey) {
            keys.add(key);
            parents.add(parent);
            sortKeys.add(sortKey == null ? "" : sortKey);
            return this;
        }

        public OutlineIndex build(String rootKey) {
            int n = keys.size();
            Map<String, Integer> index = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                index.put(keys.get(i), i);
            }
            int[] childCount = new int[n];
            int[] parentOf = new int[n];
            for (int i = 0; i < n; i++) {
                Integer p = parents.get(i) == null ? null : index.get(parents.get(i));
                parentOf[i] = p == null ? -1 : p;
                if (p != null) {
                    childCount[p]++;
                }
            }
            int[][] children = new int[n][];
            for (int i = 0; i < n; i++) {
                children[i] = new int[childCount[i]];
                childCount[i] = 0;
            }
            for (int i = 0; i < n; i++) {
                if (parentOf[i] >= 0) {
                    children[parentOf[i]][childCount[parentOf[i]]++] = i;
                }
            }
            Comparator<Integer> siblingOrder = Comparator.<Integer, String>comparing(sortKeys::get)
                    .thenComparing(keys::get);
            for (int i = 0; i < n; i++) {
                if (children[i].length > 1) {
                    children[i] = Arrays.stream(children[i]).boxed().sorted(siblingOrder).mapToInt(Integer::intValue)
                            .toArray();
                }
            }
            return preOrder(keys.toArray(String[]::new), children, parentOf, index, index.get(rootKey));
        }

        private static OutlineIndex preOrder(String[] keys, int[][] children, int[] parentOf,
                Map<String, Integer> index, Integer root) {
            int[] order = new int[keys.length];
            int[] depth = new int[keys.length];
            int count = 0;
            if (root != null) {
                int[] stack = new int[keys.length];
                int[] stackDepth = new int[keys.length];
                boolean[] seen = new boolean[keys.length];
                int top = 0;
                stack[top] = root;
                stackDepth[top++] = 0;
                while (top > 0) {
                    int node = stack[--top];
                    int nodeDepth = stackDepth[top];
                    if (seen[node]) {
                        continue;
                    }
                    seen[node] = true;
                    depth[count] = nodeDepth;
                    order[count++] = node;
                    int[] kids = children[node];
                    for (int k = kids.length - 1; k >= 0 && top < stack.length; k--) {
                        stack[top] = kids[k];
                        stackDepth[top++] = nodeDepth + 1;
                    }
                }
            }
            return new OutlineIndex(keys, Arrays.copyOf(order, count), Arrays.copyOf(depth, count), children, parentOf,
                    index);
        }
    }

    /** How many blocks are reachable from the root. */
    public int size() {
        return order.length;
    }

    /** The key of the n-th block in course order (0 = the root). */
    public String keyAt(int n) {
        return keys[order[n]];
    }

    /** The parent's key of the n-th block in course order; null for the root. */
    public String parentAt(int n) {
        int parent = parentOf[order[n]];
        return parent < 0 ? null : keys[parent];
    }

    /** Every block under {@code key} (not itself), however deep. */
    public List<String> descendantsOf(String key) {
        Integer start = positions.get(key);
        List<String> result = new ArrayList<>();
        if (start == null) {
            return result;
        }
        java.util.ArrayDeque<Integer> pending = new java.util.ArrayDeque<>();
        pending.push(start);
        while (!pending.isEmpty()) {
            for (int kid : children[pending.pop()]) {
                result.add(keys[kid]);
                pending.push(kid);
            }
        }
        return result;
    }

    public int depthAt(int n) {
        return depth[n];
    }

    /** The children of the n-th block in course order, in their order. */
    public List<String> childrenAt(int n) {
        return childrenOf(order[n]);
    }

    /** The position in course order of every reachable block, for writing published documents in any order. */
    public Map<String, Integer> courseOrder() {
        Map<String, Integer> result = new HashMap<>(order.length * 2);
        for (int n = 0; n < order.length; n++) {
            result.put(keys[order[n]], n);
        }
        return result;
    }

    private List<String> childrenOf(int i) {
        int[] kids = children[i];
        List<String> result = new ArrayList<>(kids.length);
        for (int kid : kids) {
            result.add(keys[kid]);
        }
        return result;
    }
}
