package io.openlearn.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An OAuth error (RFC 6749 section 5.2: {@code error}, {@code error_description}) carried as extension members of an
 * RFC 9457 problem, so OAuth clients and problem-aware clients both read it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuthProblem(String type, String title, int status, String detail, String instance, String requestId,
        String error, @JsonProperty("error_description") String errorDescription) {
}
