package io.openlearn.content.rest;

import io.openlearn.content.domain.BlockContent;
import io.openlearn.content.domain.BlockType;
import io.openlearn.content.domain.DraftBlock;
import io.openlearn.content.domain.Prerequisite;
import io.openlearn.content.domain.Problem;
import io.openlearn.content.domain.ShowCorrectness;
import io.openlearn.content.service.DraftReplacement;
import io.openlearn.content.service.DraftService;
import io.openlearn.content.service.DraftService.EditableBlock;
import io.openlearn.kit.courseware.GroupAccess;
import io.openlearn.kit.http.EntityTags;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The course team's draft: the outline and its blocks, edited with If-Match. */
@Path("/api/content/v1/courses/{courseKey}/draft")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {

    private final DraftService drafts;
    private final DraftReplacement replacement;
    private final CourseCaller access;
    private final BlockJson blockJson;

    public DraftResource(DraftService drafts, DraftReplacement replacement, CourseCaller access, BlockJson blockJson) {
        this.drafts = drafts;
        this.replacement = replacement;
        this.access = access;
        this.blockJson = blockJson;
    }

    public record CreateBlock(BlockType type, String id, String parent, Integer index, String displayName,
            Boolean graded, String format, Instant due, ShowCorrectness showCorrectness,
            String html, String videoUrl, Problem problem, Instant start,
            Boolean visibleToStaffOnly, Boolean hideAfterDue, GroupAccess groupAccess, Prerequisite prerequisite) {
        BlockContent content() {
            return new BlockContent(displayName, graded, format, due, showCorrectness, html, videoUrl, problem, start,
                    visibleToStaffOnly, hideAfterDue, groupAccess, null, prerequisite, null);
        }
    }

    public record MoveBlock(String parent, Integer index) {
    }

    @GET
    public Response outline(@PathParam("courseKey") String courseKey) {
        var blocks = drafts.courseOrder(access.current(), courseKey);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("courseKey", courseKey);
        header.put("root", io.openlearn.content.domain.UsageKey.root(courseKey).toString());
        return Response.ok(blockJson.tree(header, sink -> blocks.accept(editable -> sink.accept(view(editable)))))
                .build();
    }

    @POST
    @Path("blocks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("courseKey") String courseKey, CreateBlock request) {
        EditableBlock created = drafts.create(access.current(), courseKey, () -> {
            if (request == null) {
                throw io.openlearn.kit.problem.ProblemException.invalid("body", "a block to create is required");
            }
            return new DraftService.NewBlock(request.type(), request.id(), request.parent(), request.index(),
                    request.content());
        });
        return Response.created(URI.create("/api/content/v1/courses/" + courseKey + "/draft/blocks/"
                + created.block().key())).entity(view(created))
                .header("ETag", EntityTags.of(created.etag())).build();
    }

    @GET
    @Path("blocks/{key}")
    public Response get(@PathParam("courseKey") String courseKey, @PathParam("key") String key) {
        return withTag(drafts.get(access.current(), courseKey, key));
    }

    @PUT
    @Path("blocks/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("courseKey") String courseKey, @PathParam("key") String key,
            @HeaderParam("If-Match") String ifMatch, BlockContent content) {
        return withTag(drafts.update(access.current(), courseKey, key, ifMatch, content));
    }

    @POST
    @Path("blocks/{key}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response move(@PathParam("courseKey") String courseKey, @PathParam("key") String key,
            @HeaderParam("If-Match") String ifMatch, MoveBlock request) {
        MoveBlock move = request == null ? new MoveBlock(null, null) : request;
        return withTag(drafts.move(access.current(), courseKey, key, ifMatch, move.parent(), move.index()));
    }

    @DELETE
    @Path("blocks/{key}")
    public Response delete(@PathParam("courseKey") String courseKey, @PathParam("key") String key,
            @HeaderParam("If-Match") String ifMatch) {
        drafts.delete(access.current(), courseKey, key, ifMatch);
        return Response.noContent().build();
    }

    /** Throws every draft change away: the draft becomes the latest published version again. */
    @POST
    @Path("discard")
    public DraftReplacement.Replaced discard(@PathParam("courseKey") String courseKey) {
        return replacement.discard(access.current(), courseKey);
    }

    private Response withTag(EditableBlock editable) {
        return Response.ok(view(editable)).header("ETag", EntityTags.of(editable.etag())).build();
    }

    private com.fasterxml.jackson.databind.node.ObjectNode view(EditableBlock editable) {
        DraftBlock block = editable.block();
        com.fasterxml.jackson.databind.node.ObjectNode node = blockJson.block(block.key(), block.type(),
                block.parent(), editable.children(), block.content(), true);
        node.put("etag", EntityTags.of(editable.etag()));
        return node;
    }

}
