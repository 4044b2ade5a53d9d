package io.github.t3chat4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
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
                    "io.github.t3chat4j.testkit..", "io.github.t3chat4j.adapter.cli..", "io.github.t3chat4j.adapter.openai..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule guice_stays_at_the_edge = noClasses()
            .that().haveSimpleNameNotEndingWith("Module")
            .and().resideOutsideOfPackage("io.github.t3chat4j.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..");

    @ArchTest
    static final ArchRule only_the_gateway_uses_jetty = noClasses()
            .that().resideOutsideOfPackages("io.github.t3chat4j.adapter.openai..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..");

    @ArchTest
    static final ArchRule the_emulation_core_knows_no_wire_format_and_no_library = classes()
            .that().resideInAPackage("io.github.t3chat4j.adapter.openai.internal.emulation..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..",
                    "io.github.t3chat4j.adapter.openai.internal.emulation..", "com.fasterxml.jackson..",
                    "com.networknt.schema..")
            .because("emulated tools and structured output serve every API the gateway speaks (OpenAI's, Anthropic's):"
                    + " no endpoint, HTTP server or t3chat4j type belongs in it");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = noClasses()
            .that().resideInAPackage("io.github.t3chat4j.adapter.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.t3chat4j.adapter.http..",
                    "io.github.t3chat4j.adapter.storage..", "io.github.t3chat4j.adapter.openai..",
                    "io.github.t3chat4j.adapter.browser..",
                    "io.github.t3chat4j.testkit..");

    @ArchTest
    static final ArchRule the_gateway_depends_on_no_other_adapter = noClasses()
            .that().resideInAPackage("io.github.t3chat4j.adapter.openai..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.t3chat4j.adapter.http..",
                    "io.github.t3chat4j.adapter.storage..", "io.github.t3chat4j.adapter.cli..",
                    "io.github.t3chat4j.adapter.browser..", "io.github.t3chat4j.testkit..", "io.github.t3chat4j.bootstrap..");

    @ArchTest
    static final ArchRule browser_formats_stay_in_the_browser_adapter = noClasses()
            .that().resideOutsideOfPackage("io.github.t3chat4j.adapter.browser..")
            .should().dependOnClassesThat().resideInAnyPackage("org.xerial.snappy..", "org.iq80..", "javax.crypto..")
            .because("Snappy, LevelDB and the cookie crypto are how browsers store a session,"
                    + " and only the browser adapter reads browsers");

    @ArchTest
    static final ArchRule sqlite_stays_in_the_browser_adapter_and_the_search_index = noClasses()
            .that().resideOutsideOfPackage("io.github.t3chat4j.adapter.browser..")
            .and().haveNameNotMatching("io\\.github\\.t3chat4j\\.adapter\\.storage\\.SqliteSearchIndex(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "java.sql..", "javax.sql..")
            .because("SQLite is how browsers store a session (the browser adapter reads it) and how the storage"
                    + " adapter keeps its search index (SqliteSearchIndex alone speaks SQL)");

    @ArchTest
    static final ArchRule browser_adapter_uses_only_its_formats = noClasses()
            .that().resideInAPackage("io.github.t3chat4j.adapter.browser..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "org.apache.hc..",
                    "io.github.t3chat4j.adapter.http..", "io.github.t3chat4j.adapter.storage..",
                    "io.github.t3chat4j.adapter.cli..", "io.github.t3chat4j.adapter.openai..", "java.net.http..");

    @ArchTest
    static final ArchRule leveldb_is_read_in_one_class = noClasses()
            .that().resideInAPackage("io.github.t3chat4j.adapter.browser..")
            .and().doNotHaveSimpleName("ChromiumLocalStorage")
            .should().dependOnClassesThat().resideInAPackage("org.iq80..");

    /** The classes of the launcher's JVM up to the hand-over to the warm process. */
    private static final String CLIENT = "io\\.github\\.t3chat4j\\.bootstrap\\.(Launcher|WarmClient|WarmPlace"
            + "|WarmFrames|WarmRequest|WarmStarter|Terminals)(\\$.*)?";

    @ArchTest
    static final ArchRule the_warm_client_loads_only_the_jdk = classes()
            .that().haveNameMatching(CLIENT)
            .should().onlyDependOnClassesThat(DescribedPredicate.describe("the JDK's, the client's own, or Main",
                    c -> c.getPackageName().startsWith("java") || c.getPackageName().startsWith("jdk.net")
                            || c.getName().matches(CLIENT) || c.getName().equals("io.github.t3chat4j.bootstrap.Main")))
            .because("the launcher's JVM hands a run to the warm process before anything else of t3 (picocli,"
                    + " Guice, Jackson) is loaded; it loads Main only to run a command itself");

    @ArchTest
    static final ArchRule sqlite_is_opened_in_one_class = noClasses()
            .that().resideInAPackage("io.github.t3chat4j.adapter.browser..")
            .and().doNotHaveSimpleName("SqliteDatabase")
            .should().dependOnClassesThat().resideInAPackage("org.sqlite..");
}
