package org.grassroots.caseservice.cases.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.HandlingLevel;
import org.springframework.http.MediaType;

/**
 * A case list as CSV for a dispatcher's spreadsheet: UTF-8 with a byte-order mark so that Excel
 * reads the Chinese, a Chinese header row, states and levels in Chinese, times in the working
 * calendar's zone to the minute. A cell that starts like a formula is prefixed with an apostrophe so
 * that a description such as {@code =HYPERLINK(...)} stays text in the spreadsheet.
 */
final class CaseCsv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String BOM = "\uFEFF";

    private static final Map<CaseStatus, String> STATUS = Map.of(CaseStatus.REPORTED, "已上报", CaseStatus.ACCEPTED,
            "已立案", CaseStatus.DISPATCHED, "已派单", CaseStatus.CLAIMED, "已接单", CaseStatus.RESOLVED, "已处置",
            CaseStatus.CLOSED, "已结案", CaseStatus.CANCELLED, "已注销", CaseStatus.RETURNED, "已退回",
            CaseStatus.REOPENED, "发回重办", CaseStatus.PARKED, "已挂账");
    private static final Map<HandlingLevel, String> LEVEL = Map.of(HandlingLevel.GRID, "网格", HandlingLevel.COMMUNITY,
            "社区", HandlingLevel.STREET, "街道", HandlingLevel.DISTRICT, "区");
    private static final Map<Channel, String> CHANNEL = Map.of(Channel.RESIDENT_APP, "居民上报", Channel.GRID_WORKER,
            "网格员上报", Channel.PART_TIME_WORKER, "兼职网格员上报", Channel.HOTLINE_12345, "12345热线",
            Channel.WISH_WALL, "微心愿", Channel.OPEN311, "Open311", Channel.WALK_IN, "来访代登记",
            Channel.PHONE_CALL, "来电代登记");

    private record Column(String header, Function<Case, Object> value) {
    }

    private final DateTimeFormatter times;
    private final List<Column> columns;

    CaseCsv(ZoneId zone) {
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        this.columns = List.of(
                new Column("案件编号", Case::number),
                new Column("上报时间", Case::reportedAt),
                new Column("状态", aCase -> STATUS.get(aCase.status())),
                new Column("类别", Case::categoryName),
                new Column("描述", Case::description),
                new Column("位置", Case::locationDescription),
                new Column("经度", aCase -> aCase.location() == null ? null : aCase.location().lon()),
                new Column("纬度", aCase -> aCase.location() == null ? null : aCase.location().lat()),
                new Column("网格编码", Case::gridCode),
                new Column("网格", aCase -> aCase.placement().gridName()),
                new Column("社区", Case::communityId),
                new Column("街道", Case::streetId),
                new Column("未定位原因", aCase -> aCase.placement().unlocatedReason()),
                new Column("处置层级", aCase -> LEVEL.get(aCase.level())),
                new Column("承办", aCase -> aCase.assignee() == null ? null
                        : aCase.assignee().displayName() != null ? aCase.assignee().displayName() : aCase.assignee().id()),
                new Column("渠道", aCase -> CHANNEL.get(aCase.channel())),
                new Column("紧急", aCase -> yesOrNo(aCase.isEmergency())),
                new Column("督办", aCase -> yesOrNo(aCase.isSupervised())),
                new Column("超时", aCase -> yesOrNo(aCase.isOverdue())),
                new Column("等待居民", aCase -> yesOrNo(aCase.isWaitingForResident())),
                new Column("响应时限", aCase -> aCase.deadlines() == null ? null : aCase.deadlines().respondBy()),
                new Column("处置时限", aCase -> aCase.deadlines() == null ? null : aCase.deadlines().resolveBy()),
                new Column("核查时限", aCase -> aCase.deadlines() == null ? null : aCase.deadlines().verifyBy()),
                new Column("结案时间", Case::closedAt),
                new Column("最后更新", Case::updatedAt),
                new Column("疑似重复", Case::possibleDuplicateOf),
                new Column("案件ID", Case::id));
    }

    void header(Writer out) throws IOException {
        out.write(BOM);
        for (int i = 0; i < columns.size(); i++) {
            out.write(i == 0 ? "" : ",");
            out.write(columns.get(i).header());
        }
        out.write("\r\n");
    }

    void row(Case aCase, Writer out) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            out.write(i == 0 ? "" : ",");
            out.write(cell(columns.get(i).value().apply(aCase)));
        }
        out.write("\r\n");
    }

    private String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant instant ? times.format(instant) : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String yesOrNo(boolean value) {
        return value ? "是" : "否";
    }
}
