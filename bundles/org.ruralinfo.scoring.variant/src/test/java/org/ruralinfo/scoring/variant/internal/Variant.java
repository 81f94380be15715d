package org.ruralinfo.scoring.variant.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;

/** The variant's configuration outside OSGi, as DS would give it: every attribute its default unless overridden. */
final class Variant {
    /** The local time of every test here (the site's setting in the product). */
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private Variant() {
    }

    /** @return the property name of a configuration method (DS: {@code __} is {@code _}, {@code _} is {@code .}) */
    static String propertyName(Method m) {
        return m.getName().replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }

    static VariantConfig config(Map<String, Object> overrides) {
        for (String name : overrides.keySet()) {
            if (Arrays.stream(VariantConfig.class.getDeclaredMethods()).noneMatch(m -> propertyName(m).equals(name))) {
                throw new IllegalArgumentException("no attribute " + name);
            }
        }
        return (VariantConfig) Proxy.newProxyInstance(VariantConfig.class.getClassLoader(),
                new Class<?>[] { VariantConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> VariantConfig.class;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "VariantConfig" + overrides;
                    default -> {
                        Object value = overrides.get(propertyName(method));
                        yield value != null ? value : method.getDefaultValue();
                    }
                });
    }

    /** @return the variant policy with its defaults, and these overrides */
    static VariantPolicy policy(Map<String, Object> overrides) {
        return new VariantPolicy(VariantPolicy.parameters(config(overrides), ZONE));
    }
}
