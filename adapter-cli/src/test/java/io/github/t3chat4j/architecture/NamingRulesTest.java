package io.github.t3chat4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** R7 of STYLE.md: names that carry the architecture. */
@AnalyzeClasses(packages = "io.github.t3chat4j", importOptions = DoNotIncludeTests.class)
class NamingRulesTest {

    @ArchTest
    static final ArchRule in_port_interfaces_are_use_cases_or_listeners = classes()
            .that().resideInAPackage("..application.internal.usecase..").and().areInterfaces().and().doNotHaveSimpleName("package-info")
            .should().haveSimpleNameEndingWith("UseCase").orShould().haveSimpleNameEndingWith("Listener");

    @ArchTest
    static final ArchRule in_port_records_are_commands_queries_or_results = classes()
            .that().resideInAPackage("..application.internal.usecase..").and().areRecords()
            .should().haveSimpleNameEndingWith("Command").orShould().haveSimpleNameEndingWith("Query")
            .orShould().haveSimpleNameEndingWith("Result");

    @ArchTest
    static final ArchRule out_port_interfaces_end_with_port = classes()
            .that().resideInAPackage("..application.port.out..").and().areInterfaces().and().areTopLevelClasses()
            .and().doNotHaveSimpleName("package-info")
            .should().haveSimpleNameEndingWith("Port").orShould().haveSimpleName("ChatStream");

    @ArchTest
    static final ArchRule services_end_with_service = classes()
            .that().resideInAPackage("..application.internal.service..").and().areTopLevelClasses()
            .and().areNotInterfaces()
            .should().haveSimpleNameEndingWith("Service").orShould().haveSimpleName("ReplyExchange");

    @ArchTest
    static final ArchRule port_implementations_are_adapters = classes()
            .that().implement(com.tngtech.archunit.base.DescribedPredicate.describe("a driven port",
                    (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().contains(".application.port.out")
                            && c.getSimpleName().endsWith("Port")))
            .and().areTopLevelClasses()
            .should().haveSimpleNameEndingWith("Adapter").andShould().resideInAnyPackage("..adapter..", "..testkit..");

    @ArchTest
    static final ArchRule dtos_end_with_dto = classes()
            .that().resideInAPackage("..dto..").and().areTopLevelClasses().and().doNotHaveSimpleName("package-info")
            .should().haveSimpleNameEndingWith("Dto");
}
