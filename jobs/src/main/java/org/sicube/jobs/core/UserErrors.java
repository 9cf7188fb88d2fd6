package org.sicube.jobs.core;

import org.sicube.datasets.io.InvalidInputException;

/** Finds the user's mistake inside an exception chain (Spark wraps executor failures several times). */
public final class UserErrors {
    private UserErrors() {
    }

    /** The first {@link InvalidInputException} or {@link IllegalArgumentException} message, or null. */
    public static String userMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InvalidInputException) {
                return c.getMessage();
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException && c.getMessage() != null
                    && c.getClass() == IllegalArgumentException.class) {
                return c.getMessage();
            }
        }
        return null;
    }
}
