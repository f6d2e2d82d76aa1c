package org.grassroots.volunteerservice.points.web;

import java.util.List;

import org.grassroots.volunteerservice.points.PointsStatement;

/** A member's balance for a year, the star level it reaches, and the entries with what each counted for. */
record StatementResponse(String userId, int year, int balance, int stars, List<EntryResponse> entries) {

    static StatementResponse of(String userId, PointsStatement statement) {
        return new StatementResponse(userId, statement.year(), statement.balance(), statement.stars(),
                statement.lines().stream().map(line -> EntryResponse.of(line.entry(), line.counted())).toList());
    }
}
