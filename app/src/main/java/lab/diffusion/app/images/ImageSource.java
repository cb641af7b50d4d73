package lab.diffusion.app.images;

/** Where the image mode's training images come from. Immutable. */
public enum ImageSource {
    DIGITS("Digits (MNIST)"), DEADLEAVES("Dead leaves"), FOLDER("Image folder");

    private final String label;

    ImageSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
