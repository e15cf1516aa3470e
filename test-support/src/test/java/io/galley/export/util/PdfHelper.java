package io.galley.export.util;

/** Fixture: a layer package and a vague name. */
public class PdfHelper {}
