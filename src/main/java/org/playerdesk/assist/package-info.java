/**
 * Assist: the bot's first answer to a player (an article that matches with high confidence, with
 * "did this solve it?"), and the classification of each new ticket (type, priority, game area,
 * hostility) by a cold-start rule set in Chinese and English and then by a naive Bayes model
 * trained on this deployment's own resolved tickets. No outside service is called.
 * {@link org.playerdesk.assist.BotAnswers} is what the help center and the chat ask.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assist")
package org.playerdesk.assist;
