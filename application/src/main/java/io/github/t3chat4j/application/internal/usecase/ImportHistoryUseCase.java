package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.application.ImportHistoryResult;
import io.github.t3chat4j.application.ExistingThreadPolicy;
/**
 * Imports conversations from a t3.chat browser history export into the conversation store. All or
 * nothing as far as parsing goes: when the file is malformed an
 * {@link io.github.t3chat4j.application.error.InvalidInputException} names what is wrong and nothing
 * stored is touched. A stored thread is never replaced: it is skipped or merged, see
 * {@link ExistingThreadPolicy}.
 */
public interface ImportHistoryUseCase {

    ImportHistoryResult importHistory(ImportHistoryCommand command);
}
