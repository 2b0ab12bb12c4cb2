package dev.hcgateway.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version from the jar's manifest ({@code Implementation-Version}); a build from classes says so. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = GatewayCli.class.getPackage().getImplementationVersion();
        return new String[] {"hc-gateway " + (version == null ? "(development build, not from the jar)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
