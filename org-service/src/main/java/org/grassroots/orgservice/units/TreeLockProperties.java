package org.grassroots.orgservice.units;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The organisation tree's lease ({@code grassroots.org.tree-lock}).
 *
 * @param lease how long a holder keeps the tree unless it renews (a dead holder's lease runs out)
 * @param waitFor how long a change waits for another holder before it answers 409 (the setting
 *                {@code wait}: a record component cannot be called that)
 */
@ConfigurationProperties("grassroots.org.tree-lock")
public record TreeLockProperties(Duration lease, @Name("wait") Duration waitFor) {

    public TreeLockProperties {
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        waitFor = waitFor == null ? Duration.ofSeconds(10) : waitFor;
    }
}
