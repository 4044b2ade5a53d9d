package io.github.t3chat4j.application;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.t3chat4j.application.port.in.GetCreditsUseCase;
import io.github.t3chat4j.application.port.in.GetModelBenchmarksUseCase;
import io.github.t3chat4j.application.port.in.GetModelStatusesUseCase;
import io.github.t3chat4j.application.port.in.GetSubscriptionUseCase;
import io.github.t3chat4j.application.port.in.ListActiveSessionsUseCase;
import io.github.t3chat4j.application.port.in.ListModelsUseCase;
import io.github.t3chat4j.application.port.in.ListPricingProductsUseCase;
import io.github.t3chat4j.application.port.in.ResolveModelUseCase;
import io.github.t3chat4j.application.port.in.TrackCreditsUseCase;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.application.port.out.LoadCustomerDataPort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import io.github.t3chat4j.application.port.out.SleepPort;
import io.github.t3chat4j.application.service.GetCreditsService;
import io.github.t3chat4j.application.service.GetModelBenchmarksService;
import io.github.t3chat4j.application.service.GetModelStatusesService;
import io.github.t3chat4j.application.service.GetSubscriptionService;
import io.github.t3chat4j.application.service.ListActiveSessionsService;
import io.github.t3chat4j.application.service.ListModelsService;
import io.github.t3chat4j.application.service.ListPricingProductsService;
import io.github.t3chat4j.application.service.ResolveModelService;
import io.github.t3chat4j.application.service.TrackCreditsService;

/**
 * Guice bindings for the account and catalogue use cases, built from the driven ports the HTTP
 * adapter's {@code AccountModule} binds ({@link LoadCustomerDataPort}, {@link LoadAccountPort},
 * {@link LoadModelInsightsPort}, {@link LoadModelCatalogPort}). Binds {@link GetCreditsUseCase},
 * {@link GetSubscriptionUseCase}, {@link ListPricingProductsUseCase}, {@link ListActiveSessionsUseCase},
 * {@link GetModelStatusesUseCase}, {@link GetModelBenchmarksUseCase}, {@link ListModelsUseCase},
 * {@link ResolveModelUseCase}, {@link TrackCreditsUseCase} and {@link AccountClient}. Install it next to
 * {@link ApplicationModule}.
 */
public final class AccountApplicationModule extends AbstractModule {

    @Provides
    GetCreditsUseCase getCredits(LoadCustomerDataPort port) {
        return new GetCreditsService(port);
    }

    @Provides
    GetSubscriptionUseCase getSubscription(LoadAccountPort port) {
        return new GetSubscriptionService(port);
    }

    @Provides
    ListPricingProductsUseCase listPricingProducts(LoadAccountPort port) {
        return new ListPricingProductsService(port);
    }

    @Provides
    ListActiveSessionsUseCase listActiveSessions(LoadAccountPort port) {
        return new ListActiveSessionsService(port);
    }

    @Provides
    GetModelStatusesUseCase getModelStatuses(LoadModelInsightsPort port) {
        return new GetModelStatusesService(port);
    }

    @Provides
    GetModelBenchmarksUseCase getModelBenchmarks(LoadModelInsightsPort port) {
        return new GetModelBenchmarksService(port);
    }

    @Provides
    ListModelsUseCase listModels(LoadModelCatalogPort catalog, LoadModelInsightsPort insights) {
        return new ListModelsService(catalog, insights);
    }

    @Provides
    ResolveModelUseCase resolveModel(LoadModelCatalogPort catalog) {
        return new ResolveModelService(catalog);
    }

    @Provides
    TrackCreditsUseCase trackCredits(LoadCustomerDataPort port) {
        return new TrackCreditsService(port, AccountClient.DAEMON_THREAD_PER_TASK, SleepPort.THREAD_SLEEP);
    }

    @Provides
    AccountClient accountClient(LoadCustomerDataPort customerData, LoadAccountPort account,
            LoadModelInsightsPort insights, LoadModelCatalogPort catalog) {
        return AccountClient.create(customerData, account, insights, catalog);
    }
}
