package io.openlearn.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.json.StrictJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonProblemsTest {

    record Item(String name, int count) {
    }

    record Order(String mode, List<Item> items, Instant due) {
    }

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private Problem problemOf(String body) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> json.readValue(body, Order.class));
        Problem problem = JsonProblems.of(e).toProblem("/api/x");
        assertEquals(400, problem.status());
        for (String parserText : List.of("Unexpected", "Source", "REDACTED", "Exception", "io.openlearn", "Order")) {
            assertFalse(problem.detail().contains(parserText), problem.detail());
        }
        return problem;
    }

    @Test
    void unknownFieldIsNamed() {
        Problem problem = problemOf("{\"mode\":\"audit\",\"colour\":\"red\"}");
        assertEquals(Problems.UNKNOWN_FIELD_TYPE, problem.type());
        assertEquals(List.of(new Problem.FieldError("colour", "is not a field of this request")), problem.errors());
    }

    @Test
    void nestedUnknownFieldIsNamedWithItsPath() {
        Problem problem =
                problemOf("{\"items\":[{\"name\":\"a\",\"count\":1},{\"name\":\"b\",\"count\":2,\"extra\":1}]}");
        assertEquals("items[1].extra", problem.errors().get(0).field());
    }

    @Test
    void duplicateKeyIsNamed() {
        Problem problem = problemOf("{\"mode\":\"audit\",\"mode\":\"verified\"}");
        assertEquals(Problems.DUPLICATE_FIELD_TYPE, problem.type());
        assertEquals("mode", problem.errors().get(0).field());
    }

    @Test
    void wrongTypesNameTheFieldAndWhatItMustBe() {
        assertEquals(new Problem.FieldError("mode", "must be a string"),
                problemOf("{\"mode\":{\"$gt\":\"\"}}").errors().get(0));
        assertEquals(new Problem.FieldError("mode", "must be a string"), problemOf("{\"mode\":5}").errors().get(0));
        assertEquals(new Problem.FieldError("items[0].count", "must be an integer"),
                problemOf("{\"items\":[{\"count\":\"5\"}]}").errors().get(0));
        assertEquals(new Problem.FieldError("items[0].count", "must be an integer"),
                problemOf("{\"items\":[{\"count\":1.5}]}").errors().get(0));
        assertEquals("due", problemOf("{\"due\":\"next tuesday\"}").errors().get(0).field());
        assertEquals(new Problem.FieldError("due",
                "must be an ISO-8601 date-time with an offset, such as 2026-09-01T12:00:00Z"),
                problemOf("{\"due\":5}").errors().get(0));
        assertEquals("due", problemOf("{\"due\":\"\"}").errors().get(0).field());
        assertEquals(Problems.VALIDATION_TYPE, problemOf("{\"items\":{}}").type());
    }

    @Test
    void wholeBodyOfTheWrongShapeSaysWhatItMustBe() {
        Problem problem = problemOf("[]");
        assertEquals(Problems.VALIDATION_TYPE, problem.type());
        assertEquals("The request body must be an object.", problem.detail());
    }

    @Test
    void controlCharacterInAStringIsNamedAndLineBreaksAreNot() throws Exception {
        assertEquals(new Problem.FieldError("items[0].name", "must not contain control characters"),
                problemOf("{\"items\":[{\"name\":\"a\\u0000b\"}]}").errors().get(0));
        assertEquals("line one\nline two\ttabbed",
                json.readValue("{\"mode\":\"line one\\nline two\\ttabbed\"}", Order.class).mode());
    }

    @Test
    void controlCharacterInFreeFormJsonIsRefusedWithItsPath() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> json.readTree("{\"answer\":{\"choices\":[\"ok\",\"bad\\u0001\"]}}"));
        assertEquals("answer.choices[1]", JsonProblems.of(e).toProblem(null).errors().get(0).field());
        assertThrows(JsonProcessingException.class, () -> json.readTree("{\"a\\u0000\":1}"));
    }

    @Test
    void malformedJsonGivesOnlyWhere() {
        Problem problem = problemOf("{\"mode\":");
        assertEquals(Problems.MALFORMED_BODY_TYPE, problem.type());
        assertEquals("The request body is not well-formed JSON (line 1, column 9).", problem.detail());
        assertEquals(Problems.MALFORMED_BODY_TYPE, problemOf("{\"mode\":\"a\"} trailing").type());
    }

    @Test
    void freeFormJsonWithoutControlCharactersReadsAsBefore() throws Exception {
        JsonNode node = json.readTree("{\"a\":[1,\"two\",{\"b\":null}]}");
        assertEquals("two", node.path("a").get(1).asText());
    }
}
