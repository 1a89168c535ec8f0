package org.edgeway.engine.sip.message;

/**
 * One header field value: the canonical name and the value with folding undone and outer whitespace trimmed. A
 * comma list received in one line is held as one Header per element.
 */
public record Header(String name, String value) {
}
