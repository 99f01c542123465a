package dev.fieldtest.cli;

/** Run ids: the local start time to the second and four random hex digits, e.g. {@code 20261123-101500-3f2a}. */
final class RunIds {
    private RunIds() {}

    static String next() {
        return dev.fieldtest.api.RunPipeline.newRunId(); // one format for the command and the library
    }
}
