package lab.diffusion.engine.data;

/** A data file or setting a person supplied is unusable; the message says why, in one sentence. */
public final class DataException extends Exception {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
