/**
 * Training (docs/training.md): courses of knowledge-base articles in order, for roles, teams or
 * new hires, with each trainee's progress and their evaluation of the course (content,
 * arrangement, trainer); exams drawn at random (seeded, recorded) from a bilingual question bank,
 * with a time limit kept on the server, a pass mark and short answers scored by a lead; the typing
 * test (correct characters a minute, measured on the server); and the onboarding gate: a member of
 * staff marked as a new hire gets no live work (routing's {@link org.playerdesk.routing.WorkPause},
 * which "Next" asks too, and live chat's {@link org.playerdesk.chat.ChatPause}) until they pass
 * the gate exams meant for them. Other modules need nothing from it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training")
package org.playerdesk.training;
