/**
 * Assist: the bot's first answer to a player (an article that matches with high confidence, with
 * "did this solve it?"), and the classification of each new ticket (type, priority, game area,
 * {@linkplain org.playerdesk.assist.Mood mood}) by a model over the embedding model's vector, the
 * text's words and the keyword rules' cues, trained on a built-in seed set and per game on this
 * deployment's own resolved tickets; the keyword rules answer while the model is not ready. No
 * outside service is called.
 * {@link org.playerdesk.assist.BotAnswers} is what the help center and the chat ask.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assist")
package org.playerdesk.assist;
