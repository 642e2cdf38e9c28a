package org.careaccess.keycloak.sms;

import java.util.Map;
import java.util.Set;

import org.keycloak.Config;

/** SPI options as a test gives them, the way {@code --spi-careaccess-sms--<provider>--<option>} would. */
public final class MapScope extends Config.AbstractScope {

    private final Map<String, String> options;

    public MapScope(Map<String, String> options) {
        this.options = options;
    }

    @Override
    public String get(String key) {
        return options.get(key);
    }

    @Override
    public Config.Scope scope(String... scope) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> getPropertyNames() {
        return options.keySet();
    }

    @Override
    public Config.Scope root() {
        throw new UnsupportedOperationException();
    }
}
