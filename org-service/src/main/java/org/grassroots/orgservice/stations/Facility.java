package org.grassroots.orgservice.stations;

/**
 * The catalogue of what a station offers, after the seeds' "十有" micro-services of the red stations and
 * the "八个一" standard facilities of the warm-heart stations (休息区, 学习区, 充电区, 微波炉, 饮水机,
 * 冷暖电器, 便民医疗箱, 生活应急包), and what courier stations add.
 */
public enum Facility {
    DRINKING_WATER("饮水"),
    CHARGING("充电"),
    REST_AREA("休息"),
    STUDY_AREA("学习"),
    MICROWAVE("微波炉"),
    HEATING_COOLING("冷暖电器"),
    FIRST_AID("便民医疗箱"),
    EMERGENCY_KIT("生活应急包"),
    TOILET("卫生间"),
    READING("报刊阅览"),
    WIFI("无线网络"),
    UMBRELLA("爱心雨具"),
    REPAIR_TOOLS("维修工具");

    private final String label;

    Facility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
