package org.grassroots.gridservice.location;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.gridlocation.GridLocator;
import org.grassroots.gridlocation.LocatableGrid;
import org.grassroots.gridservice.grids.Grid;
import org.grassroots.gridservice.grids.GridChanged;
import org.grassroots.gridservice.grids.GridRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This instance's {@link GridLocator}, kept current: a full load from MongoDB at start-up (and
 * whenever {@link GridEventsFollower} joins the topic), then one grid reloaded for each change this
 * instance makes or reads on {@code grid-events} from another instance. A change only marks the
 * locator stale; the next lookup rebuilds it once, so an import of thousands of grids costs one
 * rebuild, not thousands.
 */
@Component
public class LocatorIndex {

    private static final Logger log = LoggerFactory.getLogger(LocatorIndex.class);

    private final GridRepository grids;
    private final Map<String, LocatableGrid> known = new ConcurrentHashMap<>();
    private volatile GridLocator locator = GridLocator.empty();
    private volatile boolean stale;

    LocatorIndex(GridRepository grids) {
        this.grids = grids;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void reloadAll() {
        Map<String, LocatableGrid> loaded = new ConcurrentHashMap<>();
        grids.allActive().forEach(grid -> loaded.put(grid.code(), locatable(grid)));
        synchronized (this) {
            known.clear();
            known.putAll(loaded);
            stale = true;
        }
        log.info("Grid locator loaded {} active grids", loaded.size());
    }

    @EventListener
    void on(GridChanged changed) {
        reload(changed.code());
    }

    /** Takes the grid's current state from MongoDB: added, replaced, or dropped if retired or gone. */
    public void reload(String code) {
        var grid = grids.find(code).filter(found -> !found.isRetired());
        synchronized (this) {
            grid.ifPresentOrElse(found -> known.put(code, locatable(found)), () -> known.remove(code));
            stale = true;
        }
    }

    /** The locator over the grids as last loaded, rebuilt here if anything changed since. */
    public GridLocator locator() {
        if (stale) {
            synchronized (this) {
                if (stale) {
                    locator = new GridLocator(known.values());
                    stale = false;
                }
            }
        }
        return locator;
    }

    private static LocatableGrid locatable(Grid grid) {
        return new LocatableGrid(grid.code(), grid.name(), grid.level(), grid.parentCode(), grid.communityId(),
                grid.streetId(), grid.orgPath(), grid.boundary());
    }
}
