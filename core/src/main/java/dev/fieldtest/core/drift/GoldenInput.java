package dev.fieldtest.core.drift;

/** One golden case's input text ({@link InputText} of its rendered messages), with the case id. */
public record GoldenInput(String caseId, String text) {}
