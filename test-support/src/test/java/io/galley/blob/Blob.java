package io.galley.blob;

/** Fixture: a storage class. */
public class Blob {}
