package org.rnnlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's run command ({@code mvn spring-boot:run}) must start the JVM as the jar does: with the Vector API
 * and without Spring Boot's "optimized launch" ({@code -XX:TieredStopAtLevel=1}), under which the kernels are
 * never compiled by C2 and the first FORCE run took 16.5 s instead of 1 s.
 */
class LaunchTest {
    @Test
    void springBootRunKeepsTheOptimizingCompilerAndTheVectorApi() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        int plugin = pom.indexOf("<artifactId>spring-boot-maven-plugin</artifactId>");
        String config = pom.substring(plugin, pom.indexOf("</plugin>", plugin));
        assertThat(config).contains("<optimizedLaunch>false</optimizedLaunch>", "<jvmArguments>${vector.flags}</jvmArguments>");
        assertThat(pom).contains("<vector.flags>--add-modules jdk.incubator.vector</vector.flags>");
    }
}
