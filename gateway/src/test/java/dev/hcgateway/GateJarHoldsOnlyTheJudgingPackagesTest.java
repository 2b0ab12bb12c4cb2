package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The gate jar (gateway/pom.xml, execution {@code gate-jar}: what gate makers ship) holds exactly the packages
 * {@link PackageLayersTest#JUDGING} keeps free of Vert.x, Netty, Lettuce and the PostgreSQL clients, so a package
 * added to one and not the other fails here, and no server library can slip into a gate through it.
 */
class GateJarHoldsOnlyTheJudgingPackagesTest {

    @Test
    void gateJarIncludes_areTheJudgingPackages() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        int execution = pom.indexOf("<id>gate-jar</id>");
        assertThat(execution).as("the gate-jar execution in gateway/pom.xml").isPositive();
        String includes = pom.substring(execution, pom.indexOf("</includes>", execution));
        Set<String> packed = new TreeSet<>();
        Matcher m = Pattern.compile("<include>dev/hcgateway/([a-z0-9]+)/\\*\\*</include>").matcher(includes);
        while (m.find()) {
            packed.add("dev.hcgateway." + m.group(1) + "..");
        }
        assertThat(packed).isEqualTo(new TreeSet<>(Set.of(PackageLayersTest.JUDGING)));
        assertThat(includes.split("<include>")).hasSize(packed.size() + 1); // no other include
    }
}
