/**
 * VIP service (VIP客服): a VIP manager per player, to whom the player's new tickets go; a private
 * VIP entry (a per-player link, never published) to open tickets; follow-up visits (回访) scheduled
 * per VIP level with a worklist for VIP agents, recording outcome and satisfaction; and a worklist
 * of long-inactive valuable players. {@link org.playerdesk.vip.VipService} is the public face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "VIP service")
package org.playerdesk.vip;
