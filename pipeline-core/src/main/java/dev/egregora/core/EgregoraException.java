package dev.egregora.core;

/**
 * A failure a user can act on. Its message is one line that names the input and the reason; the CLI prints it
 * without a stack trace (unless {@code --verbose}) and exits with code 1.
 */
public class EgregoraException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EgregoraException(String message) {
        super(message);
    }

    public EgregoraException(String message, Throwable cause) {
        super(message, cause);
    }
}
