package lab.diffusion.engine.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the one JSON object a command prints with --json (NaN and infinities become null). */
final class Json {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private final Map<String, Object> map = new LinkedHashMap<>();

    Json put(String key, Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            value = null;
        }
        map.put(key, value);
        return this;
    }

    @Override
    public String toString() {
        return GSON.toJson(map);
    }
}
