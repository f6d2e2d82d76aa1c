package org.grassroots.gridservice.grids;

/** Inside the service only: this instance changed a grid, so its locator reloads it without waiting for Kafka. */
public record GridChanged(String code) {
}
