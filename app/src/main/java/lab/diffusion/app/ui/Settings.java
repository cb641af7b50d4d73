package lab.diffusion.app.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import lab.diffusion.engine.io.AtomicFiles;

/**
 * The app's remembered settings (autosave interval, window size), one properties file in the
 * app's home folder. Each change reads the file, changes one key and writes it back atomically, so
 * settings kept by different parts of the app never overwrite each other; a file that cannot be
 * read or written leaves the defaults for this run. Any thread (methods are synchronized).
 */
public final class Settings {

    private final Path file;

    public Settings(Path file) {
        this.file = file;
    }

    /** The value of {@code key}, or {@code fallback} when it is missing or the file is unreadable. */
    public synchronized String get(String key, String fallback) {
        return load().getProperty(key, fallback).strip();
    }

    /** An integer setting, or {@code fallback} when it is missing or not a number. */
    public synchronized int getInt(String key, int fallback) {
        try {
            return Integer.parseInt(get(key, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Remembers {@code key} (the other keys in the file stay); false when the file cannot be written. */
    public synchronized boolean put(String key, String value) {
        Properties p = load();
        p.setProperty(key, value);
        try {
            Files.createDirectories(file.getParent());
            StringWriter text = new StringWriter();
            p.store(text, "Diffusion Lab settings");
            AtomicFiles.write(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (IOException e) {
            return false; // the setting holds for this run
        }
    }

    private Properties load() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | RuntimeException e) {
            // no settings yet, or unreadable: defaults
        }
        return p;
    }
}
