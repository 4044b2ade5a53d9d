package io.github.t3chat4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.github.t3chat4j.application.port.out.SessionPort;
import io.github.t3chat4j.domain.session.Session;
import java.util.List;

/**
 * What docs/API.md calls internal stays internal: a package named {@code internal} is used by its own
 * module only (the composition root included), so that a program, another adapter or the {@code t3}
 * command cannot come to depend on it; and the session keeper is the one caller of the renewal port.
 */
@AnalyzeClasses(packages = "io.github.t3chat4j", importOptions = DoNotIncludeTests.class)
class InternalRulesTest {

    /** The root package of every library module that has internals. */
    private static final List<String> MODULES = List.of("io.github.t3chat4j.application",
            "io.github.t3chat4j.adapter.http", "io.github.t3chat4j.adapter.storage",
            "io.github.t3chat4j.adapter.browser", "io.github.t3chat4j.adapter.openai", "io.github.t3chat4j.testkit");

    @ArchTest
    static final ArchRule internals_are_used_only_inside_their_module = CompositeArchRule.of(MODULES.stream()
            .map(InternalRulesTest::internalTo).toList());

    @ArchTest
    static final ArchRule only_the_session_keeper_renews_the_session = noClasses()
            .that().resideOutsideOfPackage("io.github.t3chat4j.application.internal.session..")
            .should().callMethod(SessionPort.class, "renewWosSession", Session.class)
            .because("one keeper per connection decides when a session is renewed (before its first use, once on"
                    + " a rejection), for chat and account reads alike");

    private static ArchRule internalTo(String module) {
        return noClasses().that().resideOutsideOfPackage(module + "..")
                .should().dependOnClassesThat().resideInAPackage(module + ".internal..")
                .because("docs/API.md lists " + module + "'s public types; its internal packages may change in any"
                        + " release");
    }
}
