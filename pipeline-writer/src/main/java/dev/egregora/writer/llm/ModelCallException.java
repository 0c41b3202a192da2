package dev.egregora.writer.llm;

/** A model call that failed after its retries (timeouts, unreachable server). The message never holds a key. */
final class ModelCallException extends RuntimeException {
    ModelCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
