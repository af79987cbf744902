package org.rnnlab.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.rnnlab.experiment.Limits;
import org.rnnlab.run.LabProperties;
import org.rnnlab.run.LabService;
import org.rnnlab.run.JobKind;
import org.rnnlab.run.RunStatus;

/** What an instructor needs to know about this server: its limits and how busy it is. */
@Route("instructors")
@Menu(order = 5, title = "For instructors", icon = "vaadin:user-star")
@PageTitle("For instructors · RNN Lab")
public class InstructorView extends Div {
    public InstructorView(LabService lab, LabProperties properties) {
        addClassName("instructors");
        Limits limits = lab.limits();
        add(new H1("For instructors"));
        add(new Paragraph("RNN Lab runs every simulation on this server; students only need a browser. Each tab owns its "
                + "runs, and closing it stops them. The limits below are set when the server starts (application.properties "
                + "or environment variables such as RNNLAB_MAX_NEURONS; see the README)."));
        add(new H2("Limits"));
        add(new UnorderedList(
                new ListItem("Largest network: n ≤ " + limits.maxNeurons()),
                new ListItem("Longest run: tmax ≤ " + (long) limits.maxTime()),
                new ListItem("Output points per run (exercises 1, 2): ≤ " + limits.maxPoints()),
                new ListItem("Processors shared by the runs: " + properties.poolSize() + "; runs taking turns at once: "
                        + properties.maxActiveRuns() + "; waiting at most: " + properties.queueLength()),
                new ListItem("Computations per browser tab at once (runs, eigenvalues, downloads): " + properties.runsPerSession()),
                new ListItem("Downloads computed at once: " + properties.maxConcurrentDownloads() + " (the rest wait in line)")));
        add(new H2("Right now"));
        Paragraph load = new Paragraph(lab.running() + " jobs computing (" + lab.running(JobKind.RUN) + " runs, "
                + lab.running(JobKind.SPECTRUM) + " eigenvalue, " + lab.running(JobKind.DOWNLOAD) + " downloads), " + lab.queued() + " waiting, "
                + lab.networks().size() + " networks in memory. Since the server started: " + lab.ended(RunStatus.DONE)
                + " runs done, " + lab.ended(RunStatus.STOPPED) + " stopped, " + lab.ended(RunStatus.FAILED) + " failed; downloads: "
                + lab.ended(JobKind.DOWNLOAD, RunStatus.DONE) + " done, " + lab.ended(JobKind.DOWNLOAD, RunStatus.STOPPED)
                + " stopped before sending, " + lab.ended(JobKind.DOWNLOAD, RunStatus.FAILED) + " failed.");
        load.setId("load");
        add(load);
        add(new H2("Build a link for an assignment"));
        add(new LinkBuilder(limits));
        add(new H2("Sharing an experiment"));
        add(new Paragraph("Every run is determined by its parameters and seed: the same values give the same numbers on any "
                + "machine. The link schema (v=1) is in the README, e.g. ?v=1&exercise=1&n=1000&g=1.5&seed=1; the headless "
                + "runner computes any such link without a browser (java -jar rnnlab.jar run '<link>' --out DIR)."));
    }
}
