package lab.diffusion.engine.session;

/** A session file cannot be read or written; the message says why in one sentence. */
public final class SessionException extends Exception {

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
