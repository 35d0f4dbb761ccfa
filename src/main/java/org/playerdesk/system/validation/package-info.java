/**
 * Checking input: Bean Validation run with message keys (InputValidation), the domain's own
 * constraints (SingleLine, PlainText), the text rules every input path shares, and FieldErrors for
 * the checks not yet stated as constraints.
 */
@org.springframework.modulith.NamedInterface("validation")
package org.playerdesk.system.validation;
