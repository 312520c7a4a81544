package org.reportplatform.contracts.region;

/** What a region is, beyond its level; decides nothing about aggregation, which follows {@link RegionLevel}. */
public enum RegionKind {
    PROVINCE,
    CITY,
    /** 市辖区 */
    DISTRICT,
    /** 县, 旗 */
    COUNTY,
    /** 县级市 */
    COUNTY_CITY,
    /** 开发区, 高新区, 新区: report beside the counties of their city (see docs/adr/0002). */
    ZONE,
    /** 镇, 街道 directly under a city that has no counties (东莞, 中山). */
    TOWNSHIP
}
