package lab.diffusion.app.ui;

/** Asks a person to confirm something that discards work (replaceable in tests). */
@FunctionalInterface
public interface Confirmer {
    boolean confirm(String title, String message);
}
