package io.openlearn.authoring.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.authoring.domain.GradingPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/** Grading policies as stored in grading_policy_version.policy: one codec for writing and reading them. */
@ApplicationScoped
public class GradingPolicyJson {

    private final ObjectMapper json;

    public GradingPolicyJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(GradingPolicy policy) {
        try {
            return json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public GradingPolicy read(String stored) {
        try {
            return json.readValue(stored, GradingPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy unreadable", e);
        }
    }
}
