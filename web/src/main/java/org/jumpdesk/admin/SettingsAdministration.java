package org.jumpdesk.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jumpdesk.settings.boundary.ClientSettingsValues;
import org.jumpdesk.settings.boundary.Settings;

/**
 * {@code admin/settings.xhtml}: the client settings, one field per component of
 * {@link ClientSettingsValues} (the page lists them from the record, so a new setting appears by itself).
 */
@Named
@RequestScoped
public class SettingsAdministration {

    private static final RecordComponent[] FIELDS = ClientSettingsValues.class.getRecordComponents();

    @EJB
    private Settings settings;

    @Inject
    private AdminActions actions;

    private final Map<String, Integer> values = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        ClientSettingsValues current = settings.current();
        for (RecordComponent field : FIELDS) {
            values.put(
                    field.getName(), (Integer) invoke(() -> field.getAccessor().invoke(current)));
        }
    }

    public void change() {
        actions.run(() -> settings.change(actions.actor(), values()), "admin.settings.changed");
    }

    public List<String> getNames() {
        return Arrays.stream(FIELDS).map(RecordComponent::getName).toList();
    }

    public Map<String, Integer> getValues() {
        return values;
    }

    private ClientSettingsValues values() {
        Object[] arguments =
                Arrays.stream(FIELDS).map(field -> values.get(field.getName())).toArray();
        Class<?>[] types = Arrays.stream(FIELDS).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return (ClientSettingsValues) invoke(
                () -> ClientSettingsValues.class.getDeclaredConstructor(types).newInstance(arguments));
    }

    private interface Reflective {
        Object call() throws ReflectiveOperationException;
    }

    private static Object invoke(Reflective call) {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
