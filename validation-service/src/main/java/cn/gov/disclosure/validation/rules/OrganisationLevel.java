package cn.gov.disclosure.validation.rules;

/** The level of the organ that submits the report (a street office, 街道办事处, counts as a township). */
public enum OrganisationLevel {
    /** 乡、镇人民政府 and 街道办事处. */
    TOWNSHIP,
    /** 县、县级市、区人民政府. */
    COUNTY,
    /** 设区的市人民政府. */
    CITY,
    /** 省级人民政府. */
    PROVINCE,
    /** A department (部门) of a government at any level. */
    DEPARTMENT
}
