package io.github.t3chat4j.application.internal.usecase;

/**
 * Renders a stored conversation as a document (Markdown or the store's JSON).
 */
public interface ExportConversationUseCase {

    /**
     * @throws io.github.t3chat4j.application.error.InvalidInputException when none has this id
     */
    String exportConversation(ExportConversationQuery query);
}
