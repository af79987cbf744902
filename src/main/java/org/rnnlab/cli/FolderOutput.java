package org.rnnlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** How the commands that write a folder ({@code run}, {@code sweep}) end when they cannot: one message, exit code 1. */
final class FolderOutput {
    /** The command's work: computes and writes into the folder, returns the exit code. */
    interface Work {
        int write() throws IOException, InterruptedException;
    }

    private FolderOutput() {}

    static int write(Path dir, PrintStream err, Work work) {
        try {
            return work.write();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        } catch (IOException e) {
            err.println("error: could not write to " + dir + ": " + e.getMessage());
            return 1;
        }
    }
}
