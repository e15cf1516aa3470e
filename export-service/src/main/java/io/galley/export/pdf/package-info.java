/**
 * The PDF edition: every chapter laid out by openhtmltopdf as its own cached part, the front matter
 * after them, all streamed into one file with shared fonts, one structure tree and the outline.
 */
package io.galley.export.pdf;
