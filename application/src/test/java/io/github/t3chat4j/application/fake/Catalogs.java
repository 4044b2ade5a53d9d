package io.github.t3chat4j.application.fake;

import io.github.t3chat4j.application.fixtures.Renewals;
import static io.github.t3chat4j.application.fixtures.AccountFixtures.aSession;

import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.ModelCatalogCachePort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.internal.service.ModelCatalogService;
import io.github.t3chat4j.application.internal.session.SessionKeeper;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.session.Session;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Model catalogues for tests: a site answering with a fixed list, and the catalogue service over it. */
public final class Catalogs {

    private Catalogs() {
    }

    /** A catalogue port whose site answers {@code site} (empty: unreadable) and whose bundled list is {@code bundled}. */
    public static LoadModelCatalogPort port(List<ModelInfo> site, List<ModelInfo> bundled) {
        return new LoadModelCatalogPort() {
            @Override
            public List<ModelInfo> loadSiteModels(Session session) {
                return site;
            }

            @Override
            public List<ModelInfo> loadBundledModels() {
                return bundled;
            }
        };
    }

    /** The catalogue service over {@code port}, without a cache. */
    public static ModelCatalogService service(LoadModelCatalogPort port) {
        return new ModelCatalogService(port, ModelCatalogCachePort.NONE,
                new SessionKeeper(aSession(), Renewals.renewing(s -> Optional.empty()), SaveSessionPort.NONE, w -> { }),
                Clock.systemUTC(), ModelCatalogService.DEFAULT_MAX_AGE, w -> { });
    }
}
