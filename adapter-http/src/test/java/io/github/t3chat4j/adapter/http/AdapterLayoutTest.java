package io.github.t3chat4j.adapter.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the HTTP adapter: a three-type API, the HTTP library only below the engine seam, Guice
 * only in the module, and an implementation that does not lean on its API package.
 */
@AnalyzeClasses(packages = "io.github.t3chat4j.adapter.http", importOptions = DoNotIncludeTests.class)
class AdapterLayoutTest {

    @ArchTest
    static final ArchRule only_the_engine_touches_httpclient = noClasses()
            .that().resideOutsideOfPackage("io.github.t3chat4j.adapter.http.internal.engine..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.hc..");

    @ArchTest
    static final ArchRule the_api_is_the_adapters_their_config_and_the_module = classes()
            .that().resideInAPackage("io.github.t3chat4j.adapter.http").and().arePublic()
            .and().areTopLevelClasses()
            .should().haveSimpleName("HttpAdapters").orShould().haveSimpleName("HttpConfig")
            .orShould().haveSimpleName("HttpAdapterModule");

    @ArchTest
    static final ArchRule guice_only_in_the_module = noClasses()
            .that().doNotHaveSimpleName("HttpAdapterModule")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..");

    @ArchTest
    static final ArchRule the_implementation_does_not_depend_on_the_api = noClasses()
            .that().resideInAPackage("io.github.t3chat4j.adapter.http.internal..")
            .and().resideOutsideOfPackage("io.github.t3chat4j.adapter.http.internal.wiring..")
            .should().dependOnClassesThat().resideInAPackage("io.github.t3chat4j.adapter.http")
            .because("only the wiring puts the API's configuration into effect");

    @ArchTest
    static final ArchRule implementation_packages_are_free_of_cycles = slices()
            .matching("io.github.t3chat4j.adapter.http.(**)").should().beFreeOfCycles();
}
