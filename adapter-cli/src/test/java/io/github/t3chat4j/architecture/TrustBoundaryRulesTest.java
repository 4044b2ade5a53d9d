package io.github.t3chat4j.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * One trust boundary: only {@code TrustBoundary} makes the {@code ConnectionSettings} every connection
 * needs (so no command, now or later, connects without passing through it), and only it reads the
 * settings that decide where credentials go or what runs ({@code Settings.guarded}; {@code Settings.get}
 * refuses them at run time).
 */
@AnalyzeClasses(packages = "io.github.t3chat4j", importOptions = DoNotIncludeTests.class)
class TrustBoundaryRulesTest {

    private static final String CLI = "io.github.t3chat4j.adapter.cli.";

    @ArchTest
    static final ArchRule only_the_trust_boundary_makes_connection_settings = noClasses()
            .that().doNotHaveFullyQualifiedName(CLI + "TrustBoundary")
            .should().callConstructorWhere(target(owner(name(CLI + "ConnectionSettings"))))
            .because("every connecting command passes through the trust boundary");

    @ArchTest
    static final ArchRule only_the_trust_boundary_reads_guarded_settings = noClasses()
            .that().doNotHaveFullyQualifiedName(CLI + "TrustBoundary")
            .should().callMethodWhere(target(owner(name(CLI + "Settings"))).and(target(name("guarded"))))
            .because("addresses, proxies, programs, browser sources, credentials and the gateway key are"
                    + " judged by where they came from, in one place");
}
