package org.ruralinfo.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;

/**
 * Marks a bundle that brings its own tables. Put it on the bundle's {@code package-info.java} (or any of its
 * classes): bnd then writes the manifest header {@value #HEADER} naming the folder of its migrations, and a
 * requirement on the store's schema extender ({@value #EXTENDER}), which applies them when the bundle starts,
 * before it is active, and records them under the bundle's name. The folder holds {@code index.txt}, listing
 * {@code V<n>__<description>.sql} in order. See docs/extending.md.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ ElementType.TYPE, ElementType.PACKAGE })
@Header(name = SchemaMigrations.HEADER, value = "${#value}")
@Requirement(namespace = "osgi.extender", name = SchemaMigrations.EXTENDER, version = "1.0.0")
public @interface SchemaMigrations {
    /** The manifest header naming a bundle's folder of migrations. */
    String HEADER = "Ruralinfo-Migrations";
    /** The name of the store's schema extender in the {@code osgi.extender} namespace. */
    String EXTENDER = "ruralinfo.migrations";

    /** @return the folder of the bundle's scripts and their {@code index.txt} */
    String value() default "db/migration";
}
