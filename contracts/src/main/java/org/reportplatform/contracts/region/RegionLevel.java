package org.reportplatform.contracts.region;

/** The administrative levels figures roll up through: county → city → province. */
public enum RegionLevel {
    PROVINCE,
    CITY,
    /** County level: districts, counties, county-level cities and the development zones that report beside them. */
    COUNTY
}
