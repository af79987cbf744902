package org.rnnlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Data flows one way: link -> config -> run -> frames -> push -> chart. The core knows nothing of the rest. */
@AnalyzeClasses(packages = "org.rnnlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPlainJava = noClasses().that().resideInAPackage("..core..")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.springframework..", "org.rnnlab.experiment..",
                    "org.rnnlab.run..", "org.rnnlab.ui..", "org.rnnlab.export..", "org.rnnlab.cli..");

    @ArchTest
    static final ArchRule experimentKnowsNoWebOrRuns = noClasses().that().resideInAPackage("..experiment..")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.springframework..", "org.rnnlab.run..",
                    "org.rnnlab.ui..");

    @ArchTest
    static final ArchRule headlessRunnerNeedsNoWebServer = noClasses().that().resideInAnyPackage("..cli..", "..export..")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.springframework..", "org.rnnlab.ui..");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.rnnlab.(*)..").should().beFreeOfCycles();
}
