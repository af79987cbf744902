package org.rnnlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's run command ({@code mvn spring-boot:run}) must start the JVM as the jar does: with the Vector API
 * and without Spring Boot's "optimized launch" ({@code -XX:TieredStopAtLevel=1}), under which the kernels are
 * never compiled by C2 and the first FORCE run took 16.5 s instead of 1 s. On Linux (and in the container) the heap
 * goes on transparent huge pages: on 4 kB pages the batched product ran at 35 or 65 us a vector depending on the
 * launch. The tests themselves run with these flags ({@code MetricsTest}).
 */
class LaunchTest {
    @Test
    void everyLaunchKeepsTheOptimizingCompilerTheVectorApiAndHugePagesOnLinux() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        int plugin = pom.indexOf("<artifactId>spring-boot-maven-plugin</artifactId>");
        String config = pom.substring(plugin, pom.indexOf("</plugin>", plugin));
        assertThat(config).contains("<optimizedLaunch>false</optimizedLaunch>", "<jvmArguments>${jvm.flags}</jvmArguments>");
        assertThat(pom).contains("<jvm.flags>--add-modules jdk.incubator.vector</jvm.flags>", "<argLine>${jvm.flags}</argLine>");
        int linux = pom.indexOf("<id>linux</id>");
        assertThat(pom.substring(linux, pom.indexOf("</profile>", linux)))
                .contains("<name>Linux</name>", "<jvm.flags>--add-modules jdk.incubator.vector -XX:+UseTransparentHugePages</jvm.flags>");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("java --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages ");
    }
}
