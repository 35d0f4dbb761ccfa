/**
 * How entities are stored: the one id scheme (UUID version 7, Ids), the stored entity base class,
 * and enums stored by their stable wire code (Coded).
 */
@org.springframework.modulith.NamedInterface("entity")
package org.playerdesk.system.entity;
