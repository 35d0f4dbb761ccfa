package org.playerdesk.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member of staff: who they are, their role and the games they serve. Controllers
 * receive it with {@code @AuthenticationPrincipal}.
 */
public final class StaffUser implements UserDetails {

    private final StaffMember member;
    private final String passwordHash;

    public StaffUser(StaffMember member, String passwordHash) {
        this.member = member;
        this.passwordHash = passwordHash;
    }

    public UUID id() {
        return member.id();
    }

    public String displayName() {
        return member.displayName();
    }

    public StaffRole role() {
        return member.role();
    }

    public StaffMember member() {
        return member;
    }

    public boolean can(Permission permission) {
        return member.can(permission);
    }

    public boolean serves(UUID gameId) {
        return member.serves(gameId);
    }

    /** The games this person serves, or {@code null} for all games. */
    public Set<UUID> gameScope() {
        return member.role().seesAllGames() ? null : member.gameIds();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + member.role().name()));
        member.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return member.username();
    }

    @Override
    public boolean isEnabled() {
        return member.enabled();
    }
}
