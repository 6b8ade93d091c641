package org.jumpdesk.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * JSON binding for the API: the boundaries' records and value objects as they are, by their fields (the
 * domain's accessors are not JavaBean getters), leaving out absent values.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    private static final PropertyVisibilityStrategy FIELDS = new PropertyVisibilityStrategy() {
        @Override
        public boolean isVisible(Field field) {
            return true;
        }

        @Override
        public boolean isVisible(Method method) {
            return false;
        }
    };

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withPropertyVisibilityStrategy(FIELDS));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
