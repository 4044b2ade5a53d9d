package io.github.t3chat4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** R8 and R9 of STYLE.md: no cycles, and the general coding rules. */
@AnalyzeClasses(packages = "io.github.t3chat4j", importOptions = DoNotIncludeTests.class)
class CodingRulesTest {

    @ArchTest
    static final ArchRule no_cycles_between_modules = slices().matching("io.github.t3chat4j.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_cycles_in_domain = slices().matching("io.github.t3chat4j.domain.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_cycles_in_application = slices().matching("io.github.t3chat4j.application.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_cycles_in_adapters = slices().matching("io.github.t3chat4j.adapter.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_generic_exceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule no_java_util_logging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule no_field_injection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule standard_streams_only_in_the_cli = noClasses()
            .that().resideOutsideOfPackages("io.github.t3chat4j.adapter.cli..", "io.github.t3chat4j.bootstrap..")
            .should(ACCESS_STANDARD_STREAMS);
}
