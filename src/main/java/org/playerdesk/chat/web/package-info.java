/** The chat's HTTP side: the player's chat API and widget files, the agents' console page and the admins' settings. */
package org.playerdesk.chat.web;
