package io.openlearn.content.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlearn.content.client.ObjectStore;
import io.openlearn.content.domain.BlockContent;
import io.openlearn.content.domain.BlockType;
import io.openlearn.content.domain.DraftBlock;
import io.openlearn.content.domain.OrderKeys;
import io.openlearn.content.domain.UsageKey;
import io.openlearn.kit.problem.JsonProblems;
import io.openlearn.kit.problem.Problem.FieldError;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A whole course as one zip archive, for backup and for moving a course between installations: {@code course.json}
 * (format, source course, the assets' names, types and sizes), then {@code assets/<name>}, then
 * {@code blocks.jsonl} (one draft block per line, keys of the source run). Both directions stream: a large course
 * is never held in memory, and an import switches the draft only once every block has been read and checked.
 */
@ApplicationScoped
public class CourseArchive {

    public static final String FORMAT = "openlearn-course/1";
    static final int MAX_BLOCKS = 250_000;

    private final DraftReplacement replacement;
    private final AssetService assets;
    private final ObjectStore store;
    private final ObjectMapper json;

    public CourseArchive(DraftReplacement replacement, AssetService assets, ObjectStore store, ObjectMapper json) {
        this.replacement = replacement;
        this.assets = assets;
        this.store = store;
        this.json = json;
    }

    public record Imported(String courseKey, String sourceCourseKey, int blockCount, int assetCount) {
    }

    /** Writes an archive once the caller was allowed. */
    @FunctionalInterface
    public interface Export {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Services and the course team export a course (403 now; the archive is written when the body is). */
    public Export export(Caller caller, String courseKey) {
        ContentTeam.requireTeamOrService(caller, courseKey);
        return out -> export(courseKey, out);
    }

    /** Services and the course team import into an empty run. */
    public Imported importInto(Caller caller, String courseKey, InputStream archive) {
        ContentTeam.requireTeamOrService(caller, courseKey);
        return importInto(courseKey, archive);
    }

    void export(String courseKey, OutputStream out) throws IOException {
        List<AssetService.Asset> files = assets.list(courseKey);
        ZipOutputStream zip = new ZipOutputStream(out);
        ObjectNode manifest = json.createObjectNode().put("format", FORMAT).put("courseKey", courseKey)
                .put("exportedAt", Instant.now().toString());
        ArrayNode assetList = manifest.putArray("assets");
        for (AssetService.Asset file : files) {
            String type =
                    store.head(AssetService.key(courseKey, file.name())).map(ObjectStore.StoredObject::contentType)
                            .orElse(null);
            assetList.addObject().put("name", file.name()).put("size", file.size()).put("contentType", type);
        }
        zip.putNextEntry(new ZipEntry("course.json"));
        zip.write(json.writeValueAsBytes(manifest));
        zip.closeEntry();
        for (AssetService.Asset file : files) {
            zip.putNextEntry(new ZipEntry("assets/" + file.name()));
            try (InputStream body = store.open(AssetService.key(courseKey, file.name())).orElseThrow()) {
                body.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry("blocks.jsonl"));
        Iterator<DraftBlock> blocks = replacement.draftOf(courseKey);
        while (blocks.hasNext()) {
            zip.write(json.writeValueAsBytes(line(blocks.next())));
            zip.write('\n');
        }
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    /** Reads an archive into {@code courseKey}, whose draft must be empty. */
    Imported importInto(String courseKey, InputStream archive) {
        try (ZipInputStream zip = new ZipInputStream(archive, StandardCharsets.UTF_8)) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null || !"course.json".equals(entry.getName())) {
                throw invalid("the archive must start with course.json");
            }
            JsonNode manifest = json.readTree(zip.readNBytes(1 << 20));
            if (!FORMAT.equals(manifest.path("format").asText())) {
                throw invalid("unknown archive format '" + manifest.path("format").asText() + "'");
            }
            // refuse before writing anything: assets go to S3 ahead of the blocks
            replacement.requireEmpty(courseKey);
            int assetCount = 0;
            while ((entry = zip.getNextEntry()) != null && entry.getName().startsWith("assets/")) {
                String name = entry.getName().substring("assets/".length());
                putAsset(courseKey, name, manifest, zip);
                assetCount++;
            }
            if (entry == null || !"blocks.jsonl".equals(entry.getName())) {
                throw invalid("blocks.jsonl must follow the assets");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
            DraftReplacement.Replaced replaced = replacement.replaceEmpty(courseKey, new Lines(lines));
            return new Imported(courseKey, manifest.path("courseKey").asText(null), replaced.blockCount(),
                    assetCount);
        } catch (IOException e) {
            throw invalid("the archive is not a readable zip");
        } catch (UncheckedIOException e) {
            throw invalid("the archive is not a readable zip");
        }
    }

    private void putAsset(String courseKey, String name, JsonNode manifest, ZipInputStream zip) {
        JsonNode listed = null;
        for (JsonNode asset : manifest.path("assets")) {
            if (name.equals(asset.path("name").asText())) {
                listed = asset;
            }
        }
        if (listed == null) {
            throw invalid("assets/" + name + " is not listed in course.json");
        }
        long size = listed.path("size").asLong(-1);
        String type = assets.allowedType(listed.path("contentType").asText(guessType(name)));
        if (size < 0 || size > assets.maxUploadSize()) {
            throw new ProblemException(413, "assets/" + name + " is larger than assets may be");
        }
        assets.upload(courseKey, name, type, size, new NoClose(zip));
    }

    private static String guessType(String name) {
        String type = java.net.URLConnection.guessContentTypeFromName(name);
        return type == null ? "application/octet-stream" : type;
    }

    private ObjectNode line(DraftBlock block) {
        ObjectNode node = json.createObjectNode().put("key", block.key()).put("type", block.type().wireName())
                .put("parent", block.parent()).put("sortKey", block.sortKey());
        node.set("content", json.valueToTree(block.content()));
        return node;
    }

    /** Reads and checks blocks.jsonl one line at a time. */
    private final class Lines implements Iterator<DraftBlock> {
        private final BufferedReader reader;
        private String next;
        private int number;
        private int blocks;

        Lines(BufferedReader reader) {
            this.reader = reader;
            advance();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public DraftBlock next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            String current = next;
            int line = number;
            if (++blocks > MAX_BLOCKS) {
                throw new ProblemException(413, "An archive holds at most " + MAX_BLOCKS + " blocks.");
            }
            advance();
            return parse(current, line);
        }

        private void advance() {
            try {
                do {
                    next = reader.readLine();
                    number++;
                } while (next != null && next.isBlank());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private DraftBlock parse(String text, int number) {
        String where = "blocks.jsonl line " + number;
        try {
            JsonNode node = json.readTree(text);
            BlockType type = BlockType.fromWire(node.path("type").asText());
            UsageKey key = UsageKey.parse(node.path("key").asText());
            String parent = node.path("parent").isNull() ? null : node.path("parent").asText(null);
            if (key.type() != type || (type == BlockType.COURSE) != (parent == null)
                    || (parent != null && !type.fitsUnder(UsageKey.parse(parent).type()))) {
                throw invalid(where + ": the block's type, key and parent do not fit together");
            }
            BlockContent content = json.treeToValue(node.path("content"), BlockContent.class);
            List<FieldError> errors = content.violations(type);
            if (!errors.isEmpty()) {
                throw invalid(where + ": " + errors.get(0).field() + " " + errors.get(0).message());
            }
            String sortKey = node.path("sortKey").asText("");
            if (type != BlockType.COURSE && !OrderKeys.isKey(sortKey)) {
                throw invalid(where + ": sortKey must be base-62 digits not ending in 0");
            }
            return new DraftBlock(key.toString(), type, parent, sortKey, 1, content);
        } catch (JsonProcessingException e) {
            throw invalid(where + ": " + JsonProblems.sentence(e));
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": " + e.getMessage());
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "Not a course archive: " + detail);
    }

    /** Lets the S3 upload read one zip entry without closing the whole archive. */
    private static final class NoClose extends FilterInputStream {
        NoClose(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream belongs to the import
        }
    }
}
