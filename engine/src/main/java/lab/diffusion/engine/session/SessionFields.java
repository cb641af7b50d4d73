package lab.diffusion.engine.session;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reading the fields of a session file: JSON objects, strings and numbers that must be there and
 * be finite, and little-endian float32/float64 entries; every problem is a {@link SessionException}
 * naming the file and the entry. Pure functions, any thread.
 */
final class SessionFields {

    private SessionFields() {
    }

    static JsonObject parseJson(byte[] b, String name, String entry) throws SessionException {
        try {
            JsonElement e = JsonParser.parseString(new String(b, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new SessionException(name + " is damaged: " + entry + " is not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new SessionException(name + " is damaged: " + entry + " is not valid JSON");
        }
    }

    static JsonObject object(JsonObject o, String key, String name, String entry) throws SessionException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new SessionException(name + " is damaged: " + entry + " has no '" + key + "' section");
        }
        return e.getAsJsonObject();
    }

    static String string(JsonObject o, String key, String name, String entry) throws SessionException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new SessionException(name + " is damaged: " + entry + " has no text field '" + key + "'");
        }
        return e.getAsString();
    }

    static double number(JsonObject o, String key, String name, String entry) throws SessionException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new SessionException(name + " is damaged: " + entry + " has no number '" + key + "'");
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw new SessionException(name + " is damaged: '" + key + "' is not finite");
        }
        return v;
    }

    static double[] doubles(JsonArray a, String name) throws SessionException {
        if (a == null) {
            throw new SessionException(name + " is damaged: an expected list of numbers is missing");
        }
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            JsonElement e = a.get(i);
            v[i] = e.isJsonNull() ? Double.NaN : e.getAsDouble();
        }
        return v;
    }

    static float[] floats(byte[] b, String name, String entry) throws SessionException {
        if (b.length % 4 != 0) {
            throw new SessionException(name + " is damaged: " + entry + " is not a whole number of float32 values");
        }
        float[] v = new float[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    static double[] doubles(byte[] b, String name, String entry) throws SessionException {
        if (b.length % 8 != 0) {
            throw new SessionException(name + " is damaged: " + entry + " is not a whole number of float64 values");
        }
        double[] v = new double[b.length / 8];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
        return v;
    }
}
