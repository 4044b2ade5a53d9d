package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.DeleteConversationUseCase;
import io.github.t3chat4j.application.port.in.ExportConversationUseCase;
import io.github.t3chat4j.application.port.in.ImportHistoryUseCase;
import io.github.t3chat4j.application.port.in.ListConversationsUseCase;
import io.github.t3chat4j.application.port.in.LoadBrowserSessionUseCase;
import io.github.t3chat4j.application.port.in.LoadConversationUseCase;
import io.github.t3chat4j.application.port.in.LoadSettingsUseCase;
import io.github.t3chat4j.application.port.in.ProvideGatewayKeyUseCase;
import io.github.t3chat4j.application.port.in.SearchConversationsUseCase;
import io.github.t3chat4j.application.port.in.UpdateSettingsUseCase;
import io.github.t3chat4j.application.service.DeleteConversationService;
import io.github.t3chat4j.application.service.ExportConversationService;
import io.github.t3chat4j.application.service.GatewayKeyService;
import io.github.t3chat4j.application.service.ImportHistoryService;
import io.github.t3chat4j.application.service.ListConversationsService;
import io.github.t3chat4j.application.service.LoadBrowserSessionService;
import io.github.t3chat4j.application.service.LoadConversationService;
import io.github.t3chat4j.application.service.SearchConversationsService;
import io.github.t3chat4j.application.service.SettingsService;
import java.security.SecureRandom;

/**
 * The use cases that need no connection and no credentials: the stored conversations (list, load,
 * search, export, delete, import from the browser), the stored settings, the gateway's key, and reading the
 * session a browser on this machine is signed in with. Built from the storage ports of a
 * {@link DrivenPorts}; a use case whose port is missing fails with an
 * {@link io.github.t3chat4j.application.error.InvalidInputException} naming it. Thread-safe.
 */
public final class LocalUseCases {

    private final ListConversationsService listConversations;
    private final LoadConversationService loadConversation;
    private final ExportConversationService exportConversation;
    private final DeleteConversationService deleteConversation;
    private final SearchConversationsService searchConversations;
    private final ImportHistoryService importHistory;
    private final SettingsService settings;
    private final GatewayKeyService gatewayKey;
    private final LoadBrowserSessionService browserSession;

    private LocalUseCases(DrivenPorts ports) {
        this.listConversations = new ListConversationsService(ports.listConversations());
        this.loadConversation = new LoadConversationService(ports.loadConversation());
        this.exportConversation = new ExportConversationService(loadConversation, ports.formatConversation());
        this.deleteConversation = new DeleteConversationService(ports.deleteConversation(),
                ports.lockConversation());
        this.searchConversations = new SearchConversationsService(ports.searchConversations());
        this.importHistory = new ImportHistoryService(ports.parseHistory(), ports.loadConversation(),
                ports.saveConversation());
        this.settings = new SettingsService(ports.settingsStore());
        this.gatewayKey = new GatewayKeyService(ports.settingsStore(), new SecureRandom());
        this.browserSession = new LoadBrowserSessionService(ports.browserSession());
    }

    /** The local use cases over the storage ports of {@code adapters} (such as {@code StorageAdapters}). */
    public static LocalUseCases of(DrivenAdapters adapters) {
        return of(DrivenPorts.builder().adapters(requireNonNull(adapters, "adapters == null")).build());
    }

    /** The local use cases over {@code ports}' storage ports. */
    public static LocalUseCases of(DrivenPorts ports) {
        return new LocalUseCases(requireNonNull(ports, "ports == null"));
    }

    public ListConversationsUseCase listConversations() {
        return listConversations;
    }

    public LoadConversationUseCase loadConversation() {
        return loadConversation;
    }

    public ExportConversationUseCase exportConversation() {
        return exportConversation;
    }

    public DeleteConversationUseCase deleteConversation() {
        return deleteConversation;
    }

    public SearchConversationsUseCase searchConversations() {
        return searchConversations;
    }

    public ImportHistoryUseCase importHistory() {
        return importHistory;
    }

    public LoadSettingsUseCase loadSettings() {
        return settings;
    }

    public UpdateSettingsUseCase updateSettings() {
        return settings;
    }

    public ProvideGatewayKeyUseCase provideGatewayKey() {
        return gatewayKey;
    }

    public LoadBrowserSessionUseCase loadBrowserSession() {
        return browserSession;
    }
}
