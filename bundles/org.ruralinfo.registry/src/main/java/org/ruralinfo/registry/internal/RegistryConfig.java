package org.ruralinfo.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "ruralinfo accounts / 账户", description = "Passwords, sessions and login throttling")
@interface RegistryConfig {
    @AttributeDefinition(name = "PBKDF2 iterations", description = "PBKDF2-HMAC-SHA256 work factor for new hashes")
    int password_iterations() default 310_000;

    @AttributeDefinition(name = "Minimum password length")
    int password_min__length() default 10;

    @AttributeDefinition(name = "Session lifetime (minutes)")
    int session_minutes() default 720;

    @AttributeDefinition(name = "Failed logins before a pause", description = "per user name")
    int login_max__failures() default 5;

    @AttributeDefinition(name = "Pause after too many failures (seconds)")
    int login_pause__seconds() default 300;
}
