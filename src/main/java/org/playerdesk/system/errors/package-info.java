/**
 * Refusals and their answers: bad input field by field (InvalidInput), refused rules
 * (RuleViolation), not found, too large; their words in the reader's language (ErrorTexts) and the
 * one place that turns them into RFC 9457 problem details for the API and into messages for the
 * console.
 */
@org.springframework.modulith.NamedInterface("errors")
package org.playerdesk.system.errors;
