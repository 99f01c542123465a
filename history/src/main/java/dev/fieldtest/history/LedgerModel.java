package dev.fieldtest.history;

import java.util.Locale;

/** A vendor's model as the ledger matches it: both names lowercased, so "OpenAI"/"GPT-4o" and "openai"/"gpt-4o" agree. */
public record LedgerModel(String vendor, String model) {
    public LedgerModel {
        vendor = vendor.toLowerCase(Locale.ROOT);
        model = model.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return vendor + "/" + model;
    }
}
