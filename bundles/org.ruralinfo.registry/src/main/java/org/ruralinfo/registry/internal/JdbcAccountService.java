package org.ruralinfo.registry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.ruralinfo.api.AccountService;
import org.ruralinfo.api.AuditLog;
import org.ruralinfo.api.Login;
import org.ruralinfo.api.NewUser;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.api.Wire;

/**
 * Users and sessions in the database. Passwords are PBKDF2 hashes; session tokens are 256 random bits
 * given to the user once and stored as their SHA-256. On first start, when there is no user, it creates
 * {@code admin} with the password of {@code RURALINFO_ADMIN_PASSWORD} (environment) or
 * {@code ruralinfo.admin.password} (framework property), else a random one printed once on the console.
 */
@Component(service = AccountService.class, configurationPid = "org.ruralinfo.registry")
@Designate(ocd = RegistryConfig.class)
public class JdbcAccountService implements AccountService {
    static final String ADMIN = "admin";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final DataSource ds;
    private final AuditLog audit;
    private final RecordStore records;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    private volatile RegistryConfig config;
    private volatile PasswordHasher hasher;

    private record Failures(int count, Instant until) {
    }

    @Activate
    public JdbcAccountService(@Reference(target = "(ruralinfo.db=main)") DataSource ds, @Reference AuditLog audit,
            @Reference RecordStore records, RegistryConfig config, BundleContext context) {
        this.ds = ds;
        this.audit = audit;
        this.records = records;
        modified(config);
        createFirstAdmin(System.getenv("RURALINFO_ADMIN_PASSWORD"), context.getProperty("ruralinfo.admin.password"));
    }

    @Modified
    void modified(RegistryConfig config) {
        this.config = config;
        this.hasher = new PasswordHasher(config.password_iterations(), random);
    }

    private void createFirstAdmin(String fromEnv, String fromProperty) {
        if (count() > 0) {
            return;
        }
        String given = fromEnv != null && !fromEnv.isBlank() ? fromEnv : fromProperty;
        String password = given;
        if (given == null || given.isBlank() || passwordProblem(ADMIN, given.toCharArray()) != null) {
            if (given != null && !given.isBlank()) {
                System.out.println("ruralinfo: the configured admin password is refused ("
                        + passwordProblem(ADMIN, given.toCharArray()) + "); a random one is used instead.");
            }
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            System.out.println("ruralinfo: first start. The initial password of user 'admin' is: " + password);
            System.out.println("ruralinfo: it is shown only this once; change it after logging in.");
        }
        insert(new NewUser(ADMIN, "系统管理员", password.toCharArray(), Set.of(Role.ADMIN), null), "system");
    }

    private int count() {
        return query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public Optional<Login> login(String username, char[] password, String remoteAddress) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Failures f = failures.get(name);
        if (f != null && f.until() != null && now.isBefore(f.until())) {
            audit.record(name, "login.throttled", "user:" + name, "from " + remoteAddress);
            return Optional.empty();
        }
        Optional<String> hash = query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        // Verify even for an unknown user, so timing does not tell which names exist.
        boolean ok = hasher.verify(password, hash.orElse(DUMMY_HASH)) && hash.isPresent();
        if (!ok) {
            failures.compute(name, (k, old) -> {
                int n = old == null ? 1 : old.count() + 1;
                Instant until = n >= config.login_max__failures()
                        ? now.plusSeconds(config.login_pause__seconds()) : null;
                return new Failures(n, until);
            });
            audit.record(name.isEmpty() ? "-" : name, "login.failed", "user:" + name, "from " + remoteAddress);
            return Optional.empty();
        }
        failures.remove(name);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(Duration.ofMinutes(config.session_minutes()));
        query(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, sha256(token));
                ps.setString(2, name);
                ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setObject(4, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE expires_at < ?")) {
                ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
        audit.record(name, "login", "user:" + name, "from " + remoteAddress);
        return Optional.of(new Login(token, find(name).orElseThrow(), expires));
    }

    private static final String DUMMY_HASH = "pbkdf2-sha256$310000$AAAAAAAAAAAAAAAAAAAAAA$"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Override
    public Optional<UserAccount> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT u.username, u.name, u.roles, u.unit "
                    + "FROM sessions s JOIN users u ON u.username = s.username "
                    + "WHERE s.token_hash = ? AND s.expires_at > ?")) {
                ps.setString(1, sha256(token));
                ps.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs)) : Optional.<UserAccount>empty();
                }
            }
        });
    }

    @Override
    public void logout(String token) {
        if (token == null) {
            return;
        }
        Optional<UserAccount> who = authenticate(token);
        query(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
                ps.setString(1, sha256(token));
                return ps.executeUpdate();
            }
        });
        who.ifPresent(u -> audit.record(u.username(), "logout", "user:" + u.username(), null));
    }

    @Override
    public UserAccount create(NewUser user, String actor) {
        List<ValidationError> errors = new ArrayList<>();
        String name = user.username() == null ? "" : user.username().strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            errors.add(new ValidationError("$.username", "2 to 64 lower-case letters, digits, '.', '_' or '-'"));
        } else if (find(name).isPresent()) {
            errors.add(new ValidationError("$.username", "user \"" + name + "\" exists already"));
        }
        if (user.name() == null || user.name().isBlank() || user.name().length() > 200) {
            errors.add(new ValidationError("$.name", "a name of 1 to 200 characters is required"));
        }
        String problem = passwordProblem(name, user.password());
        if (problem != null) {
            errors.add(new ValidationError("$.password", problem));
        }
        if (user.roles().isEmpty()) {
            errors.add(new ValidationError("$.roles", "at least one role is required"));
        }
        boolean prefecture = user.roles().contains(Role.EDITOR) || user.roles().contains(Role.ADMIN);
        if (user.unit() == null && !prefecture) {
            errors.add(new ValidationError("$.unit", "officers, reviewers and signers belong to a unit"));
        } else if (user.unit() != null && records.unit(user.unit()).isEmpty()) {
            errors.add(new ValidationError("$.unit", "unknown unit \"" + user.unit() + "\""));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the user cannot be created", errors);
        }
        return insert(new NewUser(name, user.name().strip(), user.password(), user.roles(), user.unit()), actor);
    }

    private UserAccount insert(NewUser user, String actor) {
        String hash = hasher.hash(user.password());
        query(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, name, password_hash, roles, "
                    + "unit, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, user.username());
                ps.setString(2, user.name());
                ps.setString(3, hash);
                ps.setString(4, user.roles().stream().map(Role::wire).sorted().collect(Collectors.joining(",")));
                ps.setString(5, user.unit());
                ps.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                return ps.executeUpdate();
            }
        });
        Arrays.fill(user.password(), '\0');
        audit.record(actor, "user.create", "user:" + user.username(),
                "roles=" + user.roles() + " unit=" + user.unit());
        return find(user.username()).orElseThrow();
    }

    @Override
    public void changePassword(String username, char[] current, char[] password, String actor, boolean byAdmin) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<String> hash = query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        if (hash.isEmpty()) {
            throw new ValidationException(new ValidationError("$.username", "unknown user \"" + name + "\""));
        }
        if (!byAdmin && (current == null || !hasher.verify(current, hash.get()))) {
            audit.record(actor, "password.change.failed", "user:" + name, "wrong current password");
            throw new ValidationException(new ValidationError("$.current_password", "the current password is wrong"));
        }
        String problem = passwordProblem(name, password);
        if (problem != null) {
            throw new ValidationException(new ValidationError("$.password", problem));
        }
        String newHash = hasher.hash(password);
        query(c -> {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE username = ?")) {
                    ps.setString(1, newHash);
                    ps.setString(2, name);
                    ps.executeUpdate();
                }
                // a changed password ends every session of the user
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE username = ?")) {
                    ps.setString(1, name);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
        Arrays.fill(password, '\0');
        audit.record(actor, "password.change", "user:" + name, byAdmin ? "set by an admin" : "by the user");
    }

    /** @return why a password is refused, or null when it is acceptable */
    String passwordProblem(String username, char[] password) {
        if (password == null || password.length < config.password_min__length()) {
            return "at least " + config.password_min__length() + " characters";
        }
        String p = new String(password).toLowerCase(Locale.ROOT);
        if (!username.isEmpty() && p.contains(username)) {
            return "must not contain the user name";
        }
        if (p.chars().distinct().count() < 4) {
            return "too simple";
        }
        return null;
    }

    @Override
    public List<UserAccount> list() {
        return query(c -> {
            List<UserAccount> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT username, name, roles, unit FROM users ORDER BY username");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(user(rs));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<UserAccount> find(String username) {
        return query(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT username, name, roles, unit FROM users WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs)) : Optional.<UserAccount>empty();
                }
            }
        });
    }

    private static UserAccount user(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : rs.getString("roles").split(",")) {
            Role role = Wire.parse(Role.class, r.strip());
            if (role != null) {
                roles.add(role);
            }
        }
        return new UserAccount(rs.getString("username"), rs.getString("name"), roles, rs.getString("unit"));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Sql<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T query(Sql<T> sql) {
        try (Connection c = ds.getConnection()) {
            return sql.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }
}
