package dev.hcgateway.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.util.TreeSet;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the fuzz targets outside Maven, for the bounded fuzzing of CI ({@code .ci/fuzz}, docs/fuzzing.md): lists every
 * {@code @FuzzTest} method ({@code --list}), or runs one ({@code Class#method}) in this JVM, as Jazzer fuzzes one
 * target per JVM. Exit status 1 when the target failed (a finding), 0 otherwise.
 */
public final class FuzzTargets {

    private FuzzTargets() {
    }

    /** Lists the targets, or runs the one named. */
    public static void main(String[] args) {
        Launcher launcher = LauncherFactory.create();
        if (args.length == 1 && args[0].equals("--list")) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectPackage("dev.hcgateway")).filters(EngineFilter.includeEngines("junit-jupiter"), TagFilter.includeTags("jazzer")).build();
            TestPlan plan = launcher.discover(request);
            TreeSet<String> targets = new TreeSet<>();
            plan.getRoots().forEach(root -> plan.getDescendants(root).forEach(id -> id.getSource()
                    .filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .ifPresent(m -> targets.add(m.getClassName() + "#" + m.getMethodName()))));
            targets.forEach(System.out::println);
            return;
        }
        if (args.length != 1 || !args[0].contains("#")) {
            System.err.println("usage: FuzzTargets --list | CLASS#METHOD");
            System.exit(2);
        }
        String[] target = args[0].split("#", 2);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(target[0], target[1], "byte[]")).build(), summary);
        summary.getSummary().printTo(new PrintWriter(System.out, true));
        summary.getSummary().printFailuresTo(new PrintWriter(System.err, true), 20);
        boolean failed = summary.getSummary().getTotalFailureCount() > 0
                || summary.getSummary().getContainersFailedCount() > 0;
        System.exit(failed ? 1 : 0);
    }
}
