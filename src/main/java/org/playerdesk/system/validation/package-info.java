/**
 * Checking input: Bean Validation run with message keys (InputValidation), the domain's own
 * constraints (SingleLine, PlainText), the text rules every input path shares, and the one reader
 * of codes (Codes).
 */
@org.springframework.modulith.NamedInterface("validation")
package org.playerdesk.system.validation;
