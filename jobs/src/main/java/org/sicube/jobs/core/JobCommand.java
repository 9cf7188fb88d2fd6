package org.sicube.jobs.core;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every job shares: quiet logging unless {@code --verbose}, and the exit codes. User errors
 * (bad input, bad options) print one line naming the file, key or pixel and exit 2; internal
 * errors print the stack trace and exit 1.
 */
public abstract class JobCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Option(names = "--verbose", description = "Show the libraries' own logging (Spark, Hadoop) at INFO level.")
    protected boolean verbose;

    protected abstract void execute() throws Exception;

    protected String jobName() {
        return spec == null ? getClass().getSimpleName() : spec.name();
    }

    @Override
    public Integer call() {
        SparkSessions.configureLogging(verbose);
        try {
            execute();
            return 0;
        } catch (Throwable t) {
            String message = UserErrors.userMessage(t);
            if (message != null) {
                System.err.println("sicube " + jobName() + ": " + message);
                return 2;
            }
            System.err.println("sicube " + jobName() + ": internal error: " + t);
            t.printStackTrace(System.err);
            return 1;
        }
    }
}
