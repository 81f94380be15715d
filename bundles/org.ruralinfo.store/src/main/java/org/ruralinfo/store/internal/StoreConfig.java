package org.ruralinfo.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "ruralinfo database / 数据库",
        description = "Where ruralinfo keeps its records. Empty URL: RURALINFO_DB_URL (environment or framework "
                + "property ruralinfo.db.url), else the embedded H2 file under RURALINFO_HOME/db.")
@interface StoreConfig {
    @AttributeDefinition(name = "JDBC URL", description = "e.g. jdbc:postgresql://db:5432/ruralinfo; empty for embedded H2",
            required = false)
    String url() default "";

    @AttributeDefinition(name = "User", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Pool size", description = "Largest number of open connections")
    int pool_size() default 8;
}
