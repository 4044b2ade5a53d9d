package io.github.t3chat4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.t3chat4j.adapter.cli.CliContext;
import io.github.t3chat4j.adapter.http.HttpAdapterModule;
import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.T3Client;

/**
 * Configuration has one home. The process's environment is read once, by {@code bootstrap.Main} (or the
 * launcher's client, which hands it to the warm process), into the run's {@link CliContext} (and by
 * {@link HttpAdapters} and {@link T3Client#fromEnv()} only as the default of a library user, which {@code t3}
 * never takes); a run's environment and working folder (its {@code .env}) are read by the one resolver,
 * {@code ConfigResolver}, and by nobody else in the CLI, so that every setting that decides
 * where credentials go or what runs reaches a command through the trust boundary.
 */
@AnalyzeClasses(packages = "io.github.t3chat4j", importOptions = DoNotIncludeTests.class)
class ConfigurationRulesTest {

    @ArchTest
    static final ArchRule only_the_entry_points_read_the_process_environment = noClasses()
            .that().doNotHaveFullyQualifiedName("io.github.t3chat4j.bootstrap.Main")
            .and().doNotHaveFullyQualifiedName("io.github.t3chat4j.bootstrap.Launcher")
            .and().doNotHaveFullyQualifiedName("io.github.t3chat4j.bootstrap.WarmServer")
            .and().doNotHaveFullyQualifiedName("io.github.t3chat4j.bootstrap.ClassDataTraining")
            .and().doNotHaveFullyQualifiedName(HttpAdapters.class.getName())
            .and().doNotHaveFullyQualifiedName(T3Client.class.getName())
            .should().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class)
            .because("a run's environment comes from its CliContext (the warm process serves many runs, each"
                    + " with its client's environment): Main and the launcher's client hand it over, the warm"
                    + " process reads only its own locale and time zone; HttpAdapters and T3Client.fromEnv() read"
                    + " it only as a library user's default");

    @ArchTest
    static final ArchRule the_cli_hands_each_runs_environment_to_the_http_adapters = noClasses()
            .that().resideInAnyPackage("io.github.t3chat4j.bootstrap..", "io.github.t3chat4j.adapter.cli..")
            .should().callMethod(HttpAdapters.class, "create", HttpConfig.class)
            .orShould().callMethod(HttpAdapters.class, "connectionProbe", HttpConfig.class)
            .orShould().callConstructor(HttpAdapterModule.class, HttpConfig.class)
            .orShould().callMethod(T3Client.class, "fromEnv")
            .because("those take the process's environment; t3 passes the run's (HttpAdapters.create(config, env))");

    @ArchTest
    static final ArchRule only_the_resolver_reads_a_runs_environment_and_folder = noClasses()
            .that().doNotHaveSimpleName("ConfigResolver")
            .and().doNotHaveSimpleName("CliContext")
            .should().callMethod(CliContext.class, "env")
            .orShould().callMethod(CliContext.class, "env", String.class)
            .orShould().callMethod(CliContext.class, "workingDir")
            .because("settings come from one resolver and are judged by the trust boundary; output code reads"
                    + " CliContext.terminalVariable, the services get the environment through CliContext.services");
}
