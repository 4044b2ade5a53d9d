package io.github.t3chat4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** R3 to R6 of STYLE.md: a pure domain, a framework-free core, libraries kept to their adapters. */
@AnalyzeClasses(packages = "io.github.t3chat4j", importOptions = DoNotIncludeTests.class)
class DependencyRulesTest {

    @ArchTest
    static final ArchRule domain_is_pure = classes()
            .that().resideInAPackage("io.github.t3chat4j.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.github.t3chat4j.domain..");

    @ArchTest
    static final ArchRule core_is_framework_free = noClasses()
            .that().resideInAnyPackage("io.github.t3chat4j.domain..", "io.github.t3chat4j.application..")
            .and().haveSimpleNameNotEndingWith("Module")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..",
                    "com.fasterxml.jackson..", "org.apache.hc..");

    @ArchTest
    static final ArchRule application_does_no_io_of_its_own = noClasses()
            .that().resideInAPackage("io.github.t3chat4j.application..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .orShould().dependOnClassesThat().resideInAPackage("java.net.http..");

    @ArchTest
    static final ArchRule only_http_adapter_and_testkit_server_use_httpcomponents = noClasses()
            .that().resideOutsideOfPackages("io.github.t3chat4j.adapter.http..", "io.github.t3chat4j.bootstrap..",
                    "io.github.t3chat4j.testkit..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.hc..");

    @ArchTest
    static final ArchRule jackson_stays_in_adapters_and_testkit = noClasses()
            .that().resideOutsideOfPackages("io.github.t3chat4j.adapter.http..", "io.github.t3chat4j.adapter.storage..",
                    "io.github.t3chat4j.testkit..", "io.github.t3chat4j.adapter.cli..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule guice_stays_at_the_edge = noClasses()
            .that().haveSimpleNameNotEndingWith("Module")
            .and().resideOutsideOfPackage("io.github.t3chat4j.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = noClasses()
            .that().resideInAPackage("io.github.t3chat4j.adapter.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.t3chat4j.adapter.http..",
                    "io.github.t3chat4j.adapter.storage..", "io.github.t3chat4j.testkit..");
}
