package org.sicube.datasets.io;

/**
 * Bad input from the user (a truncated file, a missing key, negative counts, a missing path):
 * the message names the file and the key, offset or pixel, and says what to do. Jobs print it on
 * one line and exit with code 2; anything else is an internal error.
 */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
