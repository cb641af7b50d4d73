package lab.diffusion.app.house;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The house rules of the code, checked on the compiled classes of both modules: the engine
 * knows no window and keeps ND4J to itself; the app's packages import only downward (window →
 * explorer → modes → mode contract → features → plots → ui); features and modes never import
 * each other; only the background executor and the engine start threads.
 */
@AnalyzeClasses(packages = "lab.diffusion", importOptions = ImportOption.DoNotIncludeTests.class)
class HouseRulesTest {

    static final String APP = "lab.diffusion.app";
    static final List<String> FEATURES = List.of("schedule", "training", "timeline", "display", "runs", "session", "lecture", "export");
    static final List<String> MODES = List.of("points", "binary", "images");

    @ArchTest
    static final ArchRule engineHasNoWindow = noClasses().that().resideInAPackage("lab.diffusion.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", APP + "..")
            .because("the engine runs headless: tests, the command line and benchmarks use it without a window");

    @ArchTest
    static final ArchRule nd4jStaysInNnAndModel = noClasses()
            .that().resideOutsideOfPackages("lab.diffusion.engine.nn..", "lab.diffusion.engine.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.bytedeco..")
            .because("outside nn and model the code sees float[], records and interfaces (architecture.md)");

    @ArchTest
    static final ArchRule appImportsOnlyDownward = layeredArchitecture().consideringOnlyDependenciesInAnyPackage(APP + "..")
            .layer("Shell").definedBy(APP)
            .layer("Window").definedBy(APP + ".window..")
            .layer("Explorer").definedBy(APP + ".explorer..")
            .layer("Modes").definedBy(packages(MODES))
            .layer("Mode contract").definedBy(APP + ".mode..")
            .layer("Features").definedBy(packages(FEATURES))
            .layer("Plots").definedBy(APP + ".plots..")
            .layer("Ui").definedBy(APP + ".ui..")
            .whereLayer("Shell").mayNotBeAccessedByAnyLayer()
            .whereLayer("Window").mayOnlyBeAccessedByLayers("Shell")
            .whereLayer("Explorer").mayOnlyBeAccessedByLayers("Shell", "Window")
            .whereLayer("Modes").mayOnlyBeAccessedByLayers("Shell", "Window", "Explorer")
            .whereLayer("Mode contract").mayOnlyBeAccessedByLayers("Shell", "Window", "Explorer", "Modes")
            .whereLayer("Features").mayOnlyBeAccessedByLayers("Shell", "Window", "Explorer", "Modes", "Mode contract")
            .whereLayer("Plots").mayOnlyBeAccessedByLayers("Shell", "Window", "Explorer", "Modes", "Mode contract", "Features")
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Shell", "Window", "Explorer", "Modes", "Mode contract", "Features", "Plots");

    @ArchTest
    static final ArchRule featuresNeverImportEachOther = apart(FEATURES, "a feature that needs another goes through the explorer");

    @ArchTest
    static final ArchRule modesNeverImportEachOther = apart(MODES, "a mode is one class and its helpers, on its own");

    @ArchTest
    static final ArchRule onlyTheBackgroundExecutorStartsThreads = noClasses().that().resideInAPackage(APP + "..")
            .and().resideOutsideOfPackage(APP + ".ui")
            .should().callConstructorWhere(describe("a thread is made", (JavaCall<?> c) -> c.getTargetOwner().isAssignableTo(Thread.class)))
            .orShould().callMethodWhere(describe("an executor is made", (JavaCall<?> c) -> c.getTargetOwner().isEquivalentTo(Executors.class)))
            .because("long work goes to the one injected Background executor (or the engine); views start no threads");

    private static String[] packages(List<String> names) {
        return names.stream().map(n -> APP + "." + n + "..").toArray(String[]::new);
    }

    private static ArchRule apart(List<String> names, String why) {
        List<ArchRule> rules = new ArrayList<>();
        for (String n : names) {
            String[] others = names.stream().filter(o -> !o.equals(n)).map(o -> APP + "." + o + "..").toArray(String[]::new);
            rules.add(noClasses().that().resideInAPackage(APP + "." + n + "..").should().dependOnClassesThat().resideInAnyPackage(others)
                    .because(why));
        }
        return CompositeArchRule.of(rules);
    }
}
