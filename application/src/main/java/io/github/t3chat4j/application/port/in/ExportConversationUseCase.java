package io.github.t3chat4j.application.port.in;

/**
 * Renders a stored conversation as a document (Markdown or the store's JSON).
 *
 * @throws io.github.t3chat4j.application.error.InvalidInputException when none has this id
 */
public interface ExportConversationUseCase {

    String exportConversation(ExportConversationQuery query);
}
