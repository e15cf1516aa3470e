/** The PDF edition: one XHTML document for the book rendered by openhtmltopdf. */
package io.galley.export.pdf;
