package io.github.t3chat4j.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** R1 and R2 of STYLE.md: the hexagon, and adapters that talk to ports only. */
@AnalyzeClasses(packages = "io.github.t3chat4j", importOptions = DoNotIncludeTests.class)
class HexagonRulesTest {

    @ArchTest
    static final ArchRule hexagon_is_respected = onionArchitecture()
            .domainModels("io.github.t3chat4j.domain..")
            .domainServices("io.github.t3chat4j.application.port..", "io.github.t3chat4j.application.error..")
            .applicationServices("io.github.t3chat4j.application.internal..", "io.github.t3chat4j.application")
            .adapter("http", "io.github.t3chat4j.adapter.http..")
            .adapter("storage", "io.github.t3chat4j.adapter.storage..")
            .adapter("browser", "io.github.t3chat4j.adapter.browser..")
            .adapter("cli", "io.github.t3chat4j.adapter.cli..")
            .adapter("openai", "io.github.t3chat4j.adapter.openai..")
            .adapter("testkit", "io.github.t3chat4j.testkit..")
            .ignoreDependency(resideInAPackage("io.github.t3chat4j.bootstrap.."), alwaysTrue())
            .ensureAllClassesAreContainedInArchitectureIgnoring("io.github.t3chat4j.bootstrap..");

    @ArchTest
    static final ArchRule adapters_only_talk_to_ports = noClasses()
            .that().resideInAPackage("io.github.t3chat4j.adapter..")
            .should().dependOnClassesThat().resideInAPackage("io.github.t3chat4j.application.internal..");

    @ArchTest
    static final ArchRule driving_adapters_see_in_ports_only = noClasses()
            .that().resideInAnyPackage("io.github.t3chat4j.adapter.cli..", "io.github.t3chat4j.adapter.openai..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.t3chat4j.application.port.out..",
                    "io.github.t3chat4j.application.internal..")
            .because("a driving adapter talks to the public API (T3Client, Chat, ReplyStream, AccountClient,"
                    + " LocalClient) only");

    @ArchTest
    static final ArchRule use_cases_do_not_see_out_ports = noClasses()
            .that().resideInAPackage("..application.internal.usecase..")
            .should().dependOnClassesThat().resideInAPackage("..application.port.out..");

    @ArchTest
    static final ArchRule out_ports_do_not_see_the_internals = noClasses()
            .that().resideInAPackage("..application.port.out..")
            .should().dependOnClassesThat().resideInAPackage("..application.internal..");
}
