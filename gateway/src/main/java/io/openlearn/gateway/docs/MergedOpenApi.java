package io.openlearn.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One OpenAPI document for frontend teams, merged from every service's contract: all paths (each service has its
 * own prefix, so none collide), and each service's components renamed with its name in front ({@code ContentBlock})
 * with every {@code $ref} rewritten to match, since services reuse names such as {@code Problem} for their own shapes.
 */
public final class MergedOpenApi {

    static final List<String> COMPONENT_KINDS = List.of("schemas", "parameters", "responses", "headers",
            "requestBodies");

    private MergedOpenApi() {
    }

    /** Contracts by service name ({@code content} for content.openapi.yaml), read from the class path. */
    public static ObjectNode merge(Map<String, InputStream> contracts, ObjectMapper json) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.0.3");
        merged.putObject("info").put("title", "OpenLearn platform API").put("version", "1")
                .put("description", "Every service's API as the gateway serves it. Call it with a Keycloak token of "
                        + "the openedx realm (the gateway exchanges it) or a platform token.");
        merged.putArray("servers").addObject().put("url", "/");
        merged.putArray("security").addObject().putArray("bearerAuth");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        components.putObject("securitySchemes").putObject("bearerAuth").put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT");
        contracts.forEach((service, stream) -> {
            JsonNode contract = read(yaml, stream);
            String prefix = Character.toUpperCase(service.charAt(0)) + service.substring(1);
            rewriteRefs(contract, prefix);
            contract.path("paths").fields().forEachRemaining(p -> paths.set(p.getKey(), p.getValue()));
            for (String kind : COMPONENT_KINDS) {
                JsonNode section = contract.path("components").path(kind);
                if (section.isObject()) {
                    ObjectNode target = components.has(kind) ? (ObjectNode) components.get(kind)
                            : components.putObject(kind);
                    section.fields().forEachRemaining(c -> target.set(prefix + c.getKey(), c.getValue()));
                }
            }
        });
        return merged;
    }

    private static JsonNode read(ObjectMapper yaml, InputStream stream) {
        try (stream) {
            return yaml.readTree(stream);
        } catch (IOException e) {
            throw new UncheckedIOException("a contract does not read as YAML", e);
        }
    }

    /** {@code #/components/<kind>/<Name>} -> {@code #/components/<kind>/<Prefix><Name>}, everywhere in the tree. */
    static void rewriteRefs(JsonNode node, String prefix) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/")) {
                String[] parts = ref.asText().split("/", 4);
                object.set("$ref", new TextNode("#/components/" + parts[2] + "/" + prefix + parts[3]));
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext();) {
                rewriteRefs(children.next(), prefix);
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, prefix));
        }
    }
}
