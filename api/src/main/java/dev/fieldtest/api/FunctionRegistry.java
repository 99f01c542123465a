package dev.fieldtest.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a built suite finds its function targets: a {@code Suite} is data, so its target spec names the function
 * by a handle and {@link FunctionTargetFactory} looks it up here. One entry per function given to a builder.
 */
final class FunctionRegistry {
    static final String HANDLE = "function_handle";
    private static final Map<String, FunctionTarget> FUNCTIONS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong();

    private FunctionRegistry() {}

    static String register(FunctionTarget f) {
        String handle = "fn-" + NEXT.incrementAndGet();
        FUNCTIONS.put(handle, f);
        return handle;
    }

    static FunctionTarget lookup(String handle) {
        return handle == null ? null : FUNCTIONS.get(handle);
    }
}
