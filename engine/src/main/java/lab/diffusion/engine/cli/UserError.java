package lab.diffusion.engine.cli;

/** A problem with what the user asked for; printed as one line, exit code 1. */
final class UserError extends RuntimeException {

    UserError(String message) {
        super(message);
    }
}
