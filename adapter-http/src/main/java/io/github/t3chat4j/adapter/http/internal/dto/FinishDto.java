package io.github.t3chat4j.adapter.http.internal.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code e:}/{@code d:} finish part of the data stream; {@code finishReason} may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FinishDto(String finishReason) {
}
