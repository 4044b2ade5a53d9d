package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.catalog.ModelInfo;

/**
 * Checks a typed model id against the catalogue and returns the model. An unknown id is an
 * {@link io.github.t3chat4j.application.error.UnknownModelException} (an
 * {@link io.github.t3chat4j.application.error.InvalidInputException}) whose message suggests the closest
 * id, such as "Unknown model 'gemini-2.5-flsh'. Did you mean 'gemini-2.5-flash'?".
 */
public interface ResolveModelUseCase {

    ModelInfo resolveModel(ResolveModelQuery query);
}
