package io.github.t3chat4j.application;

import io.github.t3chat4j.application.port.out.AccountPort;
import io.github.t3chat4j.application.port.out.ConversationStorePort;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
import io.github.t3chat4j.application.port.out.LoadBrowserSessionPort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.ModelCatalogCachePort;
import io.github.t3chat4j.application.port.out.ParseHistoryPort;
import io.github.t3chat4j.application.port.out.ProbeConnectionPort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.port.out.SearchConversationsPort;
import io.github.t3chat4j.application.port.out.SessionPort;
import io.github.t3chat4j.application.port.out.SettingsStorePort;
import java.util.Map;
import java.util.Optional;

/**
 * A ready set of driven adapters, such as the HTTP adapters ({@code HttpAdapters}) or the file stores
 * ({@code StorageAdapters}), handed to a builder in one call:
 * {@code T3Client.builder().cookies(..).adapters(HttpAdapters.create(config)).build()}.
 *
 * <p>A set is a recipe: each client built over it calls {@link #open()} once and closes what that
 * returns when the client is closed, so any number of clients (all those of one Guice injector, say) can
 * share one set, and closing one never breaks another. A set with nothing to release returns itself from
 * {@link #open()}, and is never closed by a client. Every port is optional: a set offers the ports it
 * implements. This is the SPI of the adapter modules; a program rarely implements it (a chat transport of
 * its own goes to {@link T3Client.Builder#chatTransport(ChatTransport)}).
 */
public interface DrivenAdapters extends AutoCloseable {

    /**
     * Opens these adapters for one client (its own connection pool, say).
     *
     * @return the opened set, which the client closes with itself; {@code this} when there is nothing to open
     */
    default DrivenAdapters open() {
        return this;
    }

    /** @return the chat transport ({@code POST /api/chat}) */
    default Optional<ChatTransport> chatTransport() {
        return Optional.empty();
    }

    /** @return the session's opening and renewal */
    default Optional<SessionPort> session() {
        return Optional.empty();
    }

    /** @return where a renewed session is kept (only when the credentials came from there) */
    default Optional<SaveSessionPort> sessionStore() {
        return Optional.empty();
    }

    /** @return the account's reads over tRPC */
    default Optional<AccountPort> account() {
        return Optional.empty();
    }

    /** @return the model catalogue (the site's, and the bundled list) */
    default Optional<LoadModelCatalogPort> modelCatalog() {
        return Optional.empty();
    }

    /** @return a cache of the site's model catalogue */
    default Optional<ModelCatalogCachePort> modelCatalogCache() {
        return Optional.empty();
    }

    /** @return image downloads (without the t3.chat cookie) */
    default Optional<FetchImagePort> imageFetcher() {
        return Optional.empty();
    }

    /** @return where images are saved */
    default Optional<SaveImagePort> imageStore() {
        return Optional.empty();
    }

    /**
     * @return what saves an image at an exact path when no image store is given (the HTTP adapters have
     *     one, so that a download to a path needs nothing else); an image store wins over it
     */
    default Optional<SaveImagePort> imageFiles() {
        return Optional.empty();
    }

    /** @return where conversations are kept */
    default Optional<ConversationStorePort> conversationStore() {
        return Optional.empty();
    }

    /** @return conversations as Markdown or JSON */
    default Optional<FormatConversationPort> conversationFormatter() {
        return Optional.empty();
    }

    /** @return the full-text search over the stored conversations */
    default Optional<SearchConversationsPort> conversationSearch() {
        return Optional.empty();
    }

    /** @return the reader of a browser's history export */
    default Optional<ParseHistoryPort> historyParser() {
        return Optional.empty();
    }

    /** @return the stored settings (the config file) */
    default Optional<SettingsStorePort> settingsStore() {
        return Optional.empty();
    }

    /** @return the reader of browser profiles' sessions */
    default Optional<LoadBrowserSessionPort> browserSessions() {
        return Optional.empty();
    }

    /** @return the checks of the way to t3.chat ({@code t3 doctor}) */
    default Optional<ProbeConnectionPort> connectionProbe() {
        return Optional.empty();
    }

    /** @return whether these adapters send the credentials to t3.chat, so a client over them needs real ones */
    default boolean sendsCredentials() {
        return false;
    }

    /** Releases what an opened set holds (a connection pool, say); nothing by default. */
    @Override
    default void close() {
    }

    /**
     * Makes the adapters of {@link T3Client#fromEnv()} from the environment's variables; an adapter module
     * offers one through {@link java.util.ServiceLoader} ({@code META-INF/services}). The HTTP adapters
     * are the one provider today.
     */
    interface Provider {

        /**
         * @param environment the variables to read ({@code T3_BASE_URL}, the proxy's, the deadlines')
         * @return the adapters those variables describe
         * @throws io.github.t3chat4j.application.error.InvalidInputException when a variable holds no valid value
         */
        DrivenAdapters fromEnvironment(Map<String, String> environment);
    }
}
