package io.taquilla.identity.login;

import io.taquilla.identity.staff.StaffAccount;
import io.taquilla.identity.staff.StaffStore;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Email + password against staff_account. Wrong password and unknown address fail the same way
 * (and take as long: a dummy hash is checked for unknown ones); an address that failed too often
 * is locked whether or not it exists. The authenticated principal is a plain {@link User} named by
 * the staff id, which Spring Authorization Server stores and puts in {@code sub}.
 */
@Component
public class StaffAuthentication implements AuthenticationProvider {

    private final Jdbi jdbi;
    private final StaffStore staff;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final String dummyHash;

    public StaffAuthentication(Jdbi jdbi, StaffStore staff, PasswordEncoder passwords, LoginThrottle throttle) {
        this.jdbi = jdbi;
        this.staff = staff;
        this.passwords = passwords;
        this.throttle = throttle;
        this.dummyHash = passwords.encode("not-a-password-of-anyone");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getPrincipal()).strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (throttle.lockedUntil(email) != null) {
            throw new LockedException("locked");
        }
        StaffAccount account = jdbi.withHandle(h -> staff.findByEmail(h, email)).filter(StaffAccount::active).orElse(null);
        boolean matches = passwords.matches(password, account == null || account.passwordHash() == null ? dummyHash : account.passwordHash());
        if (account == null || !matches) {
            if (throttle.failed(email) != null) {
                throw new LockedException("locked");
            }
            throw new BadCredentialsException("bad credentials");
        }
        throttle.succeeded(email);
        // The password factor with its time: the ID token's auth_time comes from it.
        List<GrantedAuthority> roles = List.of(new SimpleGrantedAuthority("ROLE_" + account.role().wire()),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(Instant.now()).build());
        User principal = new User(account.id().toString(), "", roles);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
