package lab.diffusion.app.ui;

/** Asks a person to confirm something that discards work (replaceable in tests). FX thread (it may show a modal dialog). */
@FunctionalInterface
public interface Confirmer {
    boolean confirm(String title, String message);
}
