package org.playerdesk.access.internal.twofactor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.access.internal.ratelimit.DeviceCookies;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The two-factor pages: a member's own enrolment and recovery codes ({@code /console/two-factor}),
 * the second step of sign-in ({@code /console/two-factor/check}) and the administrators' list with
 * its reset ({@code /console/admin/two-factor}).
 */
@Controller
class TwoFactorController {

    /** The secret shown on the enrolment page, kept in the session until a first code confirms it. */
    private static final String PENDING = "playerdesk.twoFactorPending";

    private final TwoFactor twoFactor;
    private final StaffDirectory staff;
    private final DeviceCookies devices;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    TwoFactorController(TwoFactor twoFactor, StaffDirectory staff, DeviceCookies devices) {
        this.twoFactor = twoFactor;
        this.staff = staff;
        this.devices = devices;
    }

    @GetMapping(TwoFactorGate.ENROL)
    String page(@AuthenticationPrincipal StaffUser me, HttpSession session, Model model) {
        boolean enrolled = twoFactor.enrolled(me.id());
        model.addAttribute("enrolled", enrolled);
        model.addAttribute("required", twoFactor.required(me.role()));
        model.addAttribute("manage", me.can(org.playerdesk.access.Permission.MANAGE_STAFF));
        if (enrolled) {
            model.addAttribute("recoveryLeft", twoFactor.recoveryCodesLeft(me.id()));
            return "access/two-factor";
        }
        String secret = session.getAttribute(PENDING) instanceof String pending ? pending : Totp.newSecret();
        session.setAttribute(PENDING, secret);
        String uri = Totp.uri(twoFactor.properties().issuer(), me.getUsername(), secret);
        model.addAttribute("uri", uri);
        try {
            model.addAttribute("qr", QrCode.svg(uri));
        } catch (IllegalArgumentException tooLong) {
            // an address too long for the code drawn here: the key is typed in by hand
            model.addAttribute("qr", null);
        }
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        return "access/two-factor";
    }

    @PostMapping(TwoFactorGate.ENROL + "/confirm")
    String confirm(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal StaffUser me,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            HttpSession session, Model model) {
        if (!(session.getAttribute(PENDING) instanceof String secret)) {
            return "redirect:" + TwoFactorGate.ENROL;
        }
        var codes = twoFactor.confirm(me.member(), secret, code);
        if (codes.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("codeError", "twofactor.code.wrong");
            return page(me, session, model);
        }
        session.removeAttribute(PENDING);
        secondStepDone(authentication, request, response);
        model.addAttribute("codes", codes.get());
        return "access/two-factor-recovery";
    }

    @PostMapping(TwoFactorGate.ENROL + "/recovery-codes")
    String newRecoveryCodes(@AuthenticationPrincipal StaffUser me, Model model) {
        if (!twoFactor.enrolled(me.id())) {
            return "redirect:" + TwoFactorGate.ENROL;
        }
        model.addAttribute("codes", twoFactor.newRecoveryCodes(me.member()));
        return "access/two-factor-recovery";
    }

    @GetMapping(TwoFactorGate.CHECK)
    String checkPage(@AuthenticationPrincipal StaffUser me, Authentication authentication) {
        if (TwoFactorGate.has(authentication, TwoFactorGate.FACTOR) || !twoFactor.enrolled(me.id())) {
            return "redirect:/console";
        }
        return "access/two-factor-check";
    }

    @PostMapping(TwoFactorGate.CHECK)
    String check(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal StaffUser me,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        if (TwoFactorGate.has(authentication, TwoFactorGate.FACTOR)) {
            return "redirect:/console";
        }
        switch (twoFactor.verify(me.member(), code)) {
            case ACCEPTED -> {
                secondStepDone(authentication, request, response);
                return "redirect:/console";
            }
            case RECOVERY_CODE_USED -> {
                secondStepDone(authentication, request, response);
                redirect.addFlashAttribute("notice", "twofactor.recovery.used");
                return "redirect:" + TwoFactorGate.ENROL;
            }
            case TOO_MANY -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("codeError", "twofactor.code.tooMany");
            }
            default -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("codeError", "twofactor.code.wrong");
            }
        }
        return "access/two-factor-check";
    }

    @GetMapping("/console/admin/two-factor")
    @PreAuthorize("hasAuthority('MANAGE_STAFF')")
    String members(Model model) {
        List<MemberRow> rows = new ArrayList<>();
        for (StaffMember member : staff.all()) {
            rows.add(new MemberRow(member.id(), member.username(), member.displayName(), member.role().name(),
                    twoFactor.enrolled(member.id()), twoFactor.required(member.role())));
        }
        model.addAttribute("members", rows);
        return "access/two-factor-admin";
    }

    @PostMapping("/console/admin/two-factor/{staffId}/reset")
    @PreAuthorize("hasAuthority('MANAGE_STAFF')")
    String reset(@PathVariable UUID staffId, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        if (staffId.equals(me.id())) {
            redirect.addFlashAttribute("problem", "twofactor.reset.own");
            return "redirect:/console/admin/two-factor";
        }
        twoFactor.reset(staff.get(staffId), me.member());
        redirect.addFlashAttribute("notice", "twofactor.reset.done");
        return "redirect:/console/admin/two-factor";
    }

    /**
     * The session passed the second step: it gets the factor's authority under a new session id,
     * and the browser its device cookie (a complete sign-in).
     */
    private void secondStepDone(Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        if (!TwoFactorGate.has(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY)
                || TwoFactorGate.has(authentication, TwoFactorGate.FACTOR)) {
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(TwoFactorGate.FACTOR).build());
        UsernamePasswordAuthenticationToken upgraded = UsernamePasswordAuthenticationToken
                .authenticated(authentication.getPrincipal(), null, authorities);
        upgraded.setDetails(authentication.getDetails());
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(upgraded);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        StaffUser user = (StaffUser) authentication.getPrincipal();
        devices.issue(request, response, user.id(), user.getUsername());
    }

    /** One line of the administrators' list. */
    record MemberRow(UUID id, String username, String displayName, String role, boolean enrolled,
            boolean required) {
    }
}
