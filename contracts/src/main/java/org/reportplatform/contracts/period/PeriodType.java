package org.reportplatform.contracts.period;

/** The kinds of reporting period, with the DHIS2-style code each is written in. */
public enum PeriodType {
    /** {@code 2020} */
    YEARLY,
    /** {@code 2020S1}, {@code 2020S2}: January–June, July–December. */
    HALF_YEARLY,
    /** {@code 2020Q3} */
    QUARTERLY,
    /** {@code 202009} */
    MONTHLY,
    /** {@code 2020AY}: September 2020 to August 2021. */
    ACADEMIC_YEAR,
    /** {@code 2020T1}: September 2020 – February 2021; {@code 2020T2}: March – August 2021. */
    SEMESTER,
    /**
     * {@code 2020YTD09}: January to the end of a month, where no other code names that span (1–9月累计); what a
     * year of a monthly or quarterly form covers while the units have reported only part of it.
     */
    YEAR_TO_DATE
}
