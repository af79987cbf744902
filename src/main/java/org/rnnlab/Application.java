package org.rnnlab;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.theme.lumo.Lumo;
import org.rnnlab.cli.Bench;
import org.rnnlab.cli.BenchBatch;
import org.rnnlab.cli.DownloadLoad;
import org.rnnlab.cli.HeadlessRunner;
import org.rnnlab.cli.HttpLoad;
import org.rnnlab.cli.LoadTest;
import org.rnnlab.cli.Sweep;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the web app, or, with {@code run}, {@code bench} or {@code load} as first argument, the headless
 * runner, the benchmark or the load test, without any web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@StyleSheet(Lumo.STYLESHEET) // Vaadin 25 loads no theme unless asked
@StyleSheet("styles.css") // ours, on top: src/main/resources/META-INF/resources/styles.css
public class Application implements AppShellConfigurator {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("run")) {
            System.exit(HeadlessRunner.run(args, System.out, System.err));
        } else if (args.length > 0 && args[0].equals("sweep")) {
            System.exit(Sweep.run(args, System.out, System.err));
        } else if (args.length > 0 && args[0].equals("bench")) {
            System.exit(Bench.run(args, System.out));
        } else if (args.length > 0 && args[0].equals("load")) {
            System.exit(LoadTest.run(args, System.out));
        } else if (args.length > 0 && args[0].equals("bench-batch")) {
            BenchBatch.run(System.out);
            System.exit(0);
        } else if (args.length > 0 && args[0].equals("load-downloads")) {
            System.exit(DownloadLoad.run(args, System.out));
        } else if (args.length > 0 && args[0].equals("http-load")) {
            System.exit(HttpLoad.run(args, System.out));
        }
        SpringApplication.run(Application.class, args);
    }
}
