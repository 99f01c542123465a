package dev.fieldtest.scorers.internal;

import java.util.List;

/**
 * Finds references of one kind in an output (file paths, URLs, citation keys, or whatever a suite's
 * pattern matches) and says how a reference and an allow-list entry are compared. Internal, not API.
 * Implementations are thread-safe.
 */
interface ReferenceExtractor {
    /** The references in {@code text} as written, in order, possibly repeated. */
    List<String> extract(String text);

    /** The form a reference or an allow-list entry is compared in. */
    String normalise(String item);

    /** The noun for one reference in details: "path", "URL", "citation", "reference". */
    String noun();

    /** Whether an item also matches an allowed entry that ends with "/" + the item (paths only). */
    default boolean matchesBySuffix() {
        return false;
    }

    /** The extractor for {@code kind: paths|urls|citations}, or null for any other name. */
    static ReferenceExtractor ofKind(String kind) {
        return switch (kind) {
            case "paths" -> new PathExtractor();
            case "urls" -> new UrlExtractor();
            case "citations" -> new CitationExtractor();
            default -> null;
        };
    }
}
