package org.sicube.jobs.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Benchmarks as a program: {@code scripts/bench <what> [options]} runs the jobs in one JVM with one
 * Spark session and prints one JSON line per measurement (median of {@code --runs}) on stdout.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "sicube benchmarks; one JSON line per measurement on stdout.",
        subcommands = {SynthesizeBench.class, IngestBench.class, DecomposeBench.class, PreprocessBench.class,
            AnomalyBench.class})
public final class Bench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Bench());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("sicube bench: " + ex.getMessage() + " (see 'bench "
                    + ex.getCommandLine().getCommandName() + " --help')");
            return 2;
        });
        System.exit(cl.execute(args));
    }
}
