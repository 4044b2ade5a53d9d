package io.github.t3chat4j.application.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.port.in.AccountQuery;
import io.github.t3chat4j.application.port.in.ListActiveSessionsUseCase;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.domain.account.ActiveSession;
import java.util.List;

/** Lists active sign-in sessions through {@link LoadAccountPort}. */
public final class ListActiveSessionsService implements ListActiveSessionsUseCase {

    private final LoadAccountPort loadAccount;

    public ListActiveSessionsService(LoadAccountPort loadAccount) {
        this.loadAccount = requireNonNull(loadAccount, "loadAccount == null");
    }

    @Override
    public List<ActiveSession> listActiveSessions(AccountQuery query) {
        requireNonNull(query, "query == null");
        return loadAccount.loadActiveSessions(query.session());
    }
}
