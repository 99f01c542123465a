package dev.fieldtest.core.genai;

import dev.fieldtest.core.ErrorClass;
import java.util.Locale;

/**
 * Maps an OpenTelemetry {@code error.type} value to fieldtest's {@link ErrorClass} (docs/production.md has the table).
 * error.type is free text by the semantic conventions: an HTTP status code, an exception class name, a provider's
 * error code, or one of fieldtest's own wire names. Unrecognised values (and {@code _OTHER}) map to null, which
 * still counts as an error wherever it is used.
 */
public final class ErrorTypes {
    private ErrorTypes() {}

    public static ErrorClass classify(String errorType) {
        if (errorType == null) return null;
        for (ErrorClass e : ErrorClass.values()) if (e.wireName().equalsIgnoreCase(errorType)) return e;
        String t = errorType.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
        if (t.matches("\\d{3}")) {
            int code = Integer.parseInt(t);
            if (code == 429) return ErrorClass.THROTTLED;
            if (code == 408 || code == 504) return ErrorClass.TIMEOUT;
            if (code >= 500) return ErrorClass.SERVER_ERROR;
            if (code >= 400) return ErrorClass.CLIENT_ERROR;
            return null;
        }
        if (t.contains("ratelimit") || t.contains("toomanyrequests") || t.contains("throttl") || t.contains("quotaexceeded")) return ErrorClass.THROTTLED;
        if (t.contains("timeout") || t.contains("timedout") || t.contains("deadlineexceeded")) return ErrorClass.TIMEOUT;
        if (t.contains("connection") || t.contains("connect")) return ErrorClass.CONNECTION;
        if (t.contains("internalserver") || t.contains("serviceunavailable") || t.contains("overloaded") || t.contains("servererror")) return ErrorClass.SERVER_ERROR;
        if (t.contains("badrequest") || t.contains("authentication") || t.contains("permissiondenied") || t.contains("notfound")
                || t.contains("invalidrequest") || t.contains("unprocessable")) return ErrorClass.CLIENT_ERROR;
        return null;
    }
}
