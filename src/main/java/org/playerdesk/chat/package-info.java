/**
 * Live chat: the player's widget and the agents' real-time console. Owns chat sessions and their
 * queue, offers to agents, agents' presence and capacity, and the messages of each chat, stored
 * before they are delivered, numbered per session so that clients resume without loss or
 * duplication. The transcript is a ticket of channel {@code chat} opened through the ticket
 * desk, so the conversation can go on there after the chat ends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live chat")
package org.playerdesk.chat;
