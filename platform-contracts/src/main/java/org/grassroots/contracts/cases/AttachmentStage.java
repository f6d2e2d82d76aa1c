package org.grassroots.contracts.cases;

/**
 * When in a case's life a photo was added, and so what it shows.
 *
 * <ul>
 *   <li>{@code REPORT}: with the report, by the reporter (随手拍: the problem as found);</li>
 *   <li>{@code RESOLUTION}: by the assignee after handling (处置后照片);</li>
 *   <li>{@code NOTE}: by staff of the area on the case, e.g. at the on-site check (核查).</li>
 * </ul>
 */
public enum AttachmentStage {
    REPORT,
    RESOLUTION,
    NOTE
}
