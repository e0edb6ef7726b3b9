package io.openlearn.testkit.fuzz;

import io.openlearn.testkit.fuzz.ContractCatalog.Operation;
import java.util.Map;

/**
 * One request the fuzz sends: an operation of a contract, the caller it is sent as, and what was broken
 * ({@code mutation}, e.g. {@code body.type:title=number} or {@code path.courseKey=nul}). Every case is invalid in
 * some way, or only reads; {@code invalidBy} says how: {@code malformed} (the body is no JSON, form or zip, or a
 * JSON object with a duplicate key), {@code contract} (the contract's own schemas refuse it), {@code policy} (the
 * platform refuses it though the contract allows it: a NUL character, a credential that is none), {@code target}
 * (its path names nothing that exists), {@code edge} (the gateway must refuse it before any service sees it: header,
 * URI or body over its limits), {@code credentials} (anonymous on a secured operation), {@code none (read)} (a
 * read the contract allows, e.g. an injection string in a free-text filter).
 */
public record FuzzCase(Operation operation, String caller, String mutation, String method, String path, String query,
        Map<String, String> headers, byte[] body, Size size, String invalidBy) {

    /** How the body is sent. */
    public enum Size {
        /** as given */
        NORMAL,
        /** {@code body} bytes over the route's body limit, sent in full */
        OVER_ROUTE_LIMIT,
        /** only a {@code Content-Length} over the route's limit is declared; no body bytes follow */
        DECLARED_OVER_ROUTE_LIMIT
    }

    public String target() {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    /**
     * The mutation's family, without the field or value: {@code body.type}, {@code body.malformed}, {@code path},
     * {@code query}, {@code header}, {@code query.missing}, {@code edge.header-20KB}, ...
     */
    public String family() {
        String head = mutation.split("[:= ]", 2)[0];
        for (String parameterKind : new String[] {"path.", "query.", "header."}) {
            if (head.startsWith(parameterKind) && !head.endsWith(".missing") && !head.equals("header.content-type")) {
                return parameterKind.substring(0, parameterKind.length() - 1);
            }
        }
        return head;
    }

    @Override
    public String toString() {
        return caller + " " + method + " " + operation.template() + " [" + mutation + "]";
    }
}
