package org.grassroots.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fields a typed fabric8 object did not know. fabric8 model classes keep unknown YAML keys in
 * {@code additionalProperties} instead of failing, so a typo ({@code readinesProbe}) or a field at the
 * wrong level would be silently ignored by the cluster too. This walks the object tree and lists them.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    static List<String> in(Object root) {
        List<String> found = new ArrayList<>();
        walk(root, "", found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean
                || node instanceof Enum<?>) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, found));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = node.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object value = read(field, node);
                if (field.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(key -> found.add(path + "." + key));
                    }
                } else {
                    walk(value, path + "." + field.getName(), found);
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
