/**
 * Embedding: what a player's words mean, as a vector. A sentence-embedding model (BGE small zh
 * v1.5, quantised, shipped inside the application) runs in process; {@link
 * org.playerdesk.embedding.TextEmbeddings} turns a text into a unit vector that the help center's
 * search, the bot and the classifiers compare. The {@link org.playerdesk.embedding.Glossary} of
 * game support words in Chinese and English bridges a question in one language to articles in
 * the other. {@link org.playerdesk.embedding.Softmax} is the regression the classifiers over the
 * vectors train (the ticket classifier's, the bot's answer model). While the model loads, or if it
 * cannot, every caller falls back to words alone and the health endpoint says so.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embedding")
package org.playerdesk.embedding;
