package org.playerdesk.system.files;

import java.util.Set;
import java.util.TreeSet;

/**
 * The file stores the application uses, as configured, and the areas the modules asked for (what
 * a migration moves).
 */
final class ConfiguredStores implements FileStores {

    private final FileStores stores;
    private final Set<String> areas = new TreeSet<>();

    ConfiguredStores(FileStores stores) {
        this.stores = stores;
    }

    @Override
    public FileStore area(String name) {
        FileStore area = stores.area(name);
        synchronized (areas) {
            areas.add(name);
        }
        return area;
    }

    Set<String> areasInUse() {
        synchronized (areas) {
            return java.util.Collections.unmodifiableSet(new TreeSet<>(areas));
        }
    }

    @Override
    public String toString() {
        return stores.toString();
    }
}
