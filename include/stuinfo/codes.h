/*
 * libstuinfo code tables: every code list of the student registry (ethnicity,
 * political status, hukou type, sex, identity documents, health, 港澳台侨外, family
 * relationship, nationality, administrative regions), compiled in, found by code or
 * by what people type, enumerated in code order.
 *
 * The tables are immutable and shared by all contexts and threads. Strings returned in
 * the structs below are static: valid for the life of the process, never freed.
 */
#ifndef STUINFO_CODES_H
#define STUINFO_CODES_H

#ifndef STUINFO_CDEF            /* the FFI header is made with -DSTUINFO_CDEF */
#include <stddef.h>
#include <stdint.h>
#endif
#include "stuinfo/core.h"

#ifdef __cplusplus
extern "C" {
#endif
#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility push(default)
#endif

/** The code tables. Values never change; new tables are appended. */
typedef enum stuinfo_code_table {
    /** 民族, GB/T 3304-1991, plus 97 其他 and 98 外国血统中国籍人士. */
    STUINFO_TABLE_ETHNICITY = 1,
    /** 政治面貌, GB/T 4762-1984. */
    STUINFO_TABLE_POLITICAL_STATUS = 2,
    /** 户口性质 as the national student registry codes it: 1 农业, 2 非农业. */
    STUINFO_TABLE_HUKOU_TYPE = 3,
    /** 性别, GB/T 2261.1-2003. */
    STUINFO_TABLE_SEX = 4,
    /** 身份证件类型, JY/T 1001 (the registry accepts a subset: STUINFO_CODE_REGISTRY). */
    STUINFO_TABLE_ID_DOC_TYPE = 5,
    /** 健康状况 as the national student registry codes it (10-50). */
    STUINFO_TABLE_HEALTH_STATUS = 6,
    /** 港澳台侨外, JY/T 1001, plus the registry's 00 否. */
    STUINFO_TABLE_HMT_OVERSEAS = 7,
    /** 家庭关系, GB/T 4761-2008, two-digit codes (categories in X0 form). */
    STUINFO_TABLE_RELATIONSHIP = 8,
    /** 国籍/地区, GB/T 2659-2000 / ISO 3166-1; code is the numeric code, alpha-2 and
     *  alpha-3 are found too. */
    STUINFO_TABLE_NATIONALITY = 9,
    /** 行政区划, GB/T 2260: every six-digit code ever published, 1980-2024. */
    STUINFO_TABLE_REGION = 10,
    /** 户口类别, GA 324.1-2001 (0-8). */
    STUINFO_TABLE_HUKOU_TYPE_GA324 = 11,
    /** 户口性质, GA/T 2000.27 (single source). */
    STUINFO_TABLE_HUKOU_TYPE_GAT2000_27 = 12,
    /** 健康状况, GB/T 2261.3-2003, two-digit codes. */
    STUINFO_TABLE_HEALTH_STATUS_GBT2261_3 = 13,
    /** 健康状况, GB/T 2261.3-2003, one-digit codes. */
    STUINFO_TABLE_HEALTH_STATUS_GBT2261_3_SIMPLE = 14,
    /** 家庭关系, GB/T 4761-2008, one-digit category codes (0-8). */
    STUINFO_TABLE_RELATIONSHIP_CATEGORY = 15
} stuinfo_code_table;

/** Bits of stuinfo_code_entry.flags and stuinfo_region.flags. Values never change. */
typedef enum stuinfo_code_flag {
    /** The national student registry accepts this code. */
    STUINFO_CODE_REGISTRY = 1,
    /** No longer in use: withdrawn, or absent from the latest list (regions). */
    STUINFO_CODE_RETIRED = 2,
    /** Not in the body of the standard (ethnicity 97/98, registry-only values,
     *  extensions seen in other systems). */
    STUINFO_CODE_SUPPLEMENTARY = 4,
    /** A category code that groups other codes. */
    STUINFO_CODE_CATEGORY = 8,
    /** A region row that only groups others (市辖区, 县, 省直辖县级行政区划). */
    STUINFO_CODE_PLACEHOLDER = 16,
    /** A region code seen only in statistical lists, never a GB/T 2260 code. */
    STUINFO_CODE_STATISTICAL_ONLY = 32,
    /** A relationship that fits a family member or guardian of a student. */
    STUINFO_CODE_FAMILY = 64,
    /** Listed by some sources only; not confirmed against the standard. */
    STUINFO_CODE_UNVERIFIED = 128
} stuinfo_code_flag;

/**
 * One code of a table, written by the library into memory the caller owns.
 * Set `size` to sizeof(stuinfo_code_entry) before the call. Strings are static;
 * absent values are NULL.
 */
typedef struct stuinfo_code_entry {
    uint32_t size;
    int32_t table;              /* a stuinfo_code_table */
    uint32_t index;             /* position in code order (for stuinfo_code_at) */
    uint32_t flags;             /* stuinfo_code_flag bits */
    const char *code;           /* the code to store, e.g. "01", "156", "110101" */
    const char *name;           /* full Chinese name, e.g. 汉族 */
    const char *short_name;     /* short Chinese form when it differs, e.g. 汉 */
    const char *name_en;        /* romanization (ethnicity) or English name */
    const char *alpha2;         /* letter code: GB/T 3304 (HA) or ISO 3166 alpha-2 */
    const char *alpha3;         /* ISO 3166 alpha-3 (CHN) */
    const char *parent;         /* category code, or a region's parent code */
} stuinfo_code_entry;

/** What a table is and where it comes from. Set `size` before the call. */
typedef struct stuinfo_code_table_info {
    uint32_t size;
    int32_t table;              /* a stuinfo_code_table */
    uint32_t count;             /* number of codes */
    int32_t year;               /* edition year of the standard; 0 if unknown */
    const char *key;            /* stable lower-case name, e.g. "ethnicity" */
    const char *title;          /* Chinese title of the standard or list */
    const char *title_en;       /* English title */
    const char *standard;       /* standard number, e.g. "GB/T 3304-1991" */
    const char *sources;        /* where the values were taken from, "; "-separated */
} stuinfo_code_table_info;

/** Administrative level of a region code. Values never change. */
typedef enum stuinfo_region_level {
    STUINFO_REGION_PROVINCE = 1,
    STUINFO_REGION_PREFECTURE = 2,
    STUINFO_REGION_COUNTY = 3
} stuinfo_region_level;

/**
 * A GB/T 2260 region code with its parents. Set `size` before the call.
 * Names are the latest name each code carried; NULL where a level does not apply
 * (a prefecture has no county name) or the parent is only a grouping row
 * (市辖区, 省直辖县级行政区划) or unknown.
 */
typedef struct stuinfo_region {
    uint32_t size;
    int32_t level;              /* a stuinfo_region_level */
    uint32_t flags;             /* stuinfo_code_flag bits: RETIRED, PLACEHOLDER, ... */
    int32_t first_year;         /* first year the code appears in a published list */
    int32_t last_year;          /* last year it appears; 0 = in the current (2024) list.
                                 * A retired code went out of use after this year (+-1). */
    const char *code;           /* the six digits */
    const char *name;           /* this code's own name */
    const char *province_name;
    const char *prefecture_name;
    const char *county_name;
    const char *province_code;
    const char *prefecture_code;
} stuinfo_region;

/**
 * Describe @p table. Returns STUINFO_OK, or STUINFO_ERR_INVALID_ARGUMENT (NULL @p ctx
 * or @p out, unknown table, `out->size` too small).
 * @since 0.1
 */
stuinfo_status stuinfo_code_table_get_info(stuinfo_ctx *ctx, int32_t table,
                                           stuinfo_code_table_info *out);

/**
 * The table whose key (stuinfo_code_table_info.key, e.g. "ethnicity", "region") is
 * @p key (@p len bytes), into *out: for command lines and configuration files.
 * Returns STUINFO_OK, STUINFO_ERR_NOT_FOUND or STUINFO_ERR_INVALID_ARGUMENT (NULL).
 * @since 0.1
 */
stuinfo_status stuinfo_code_table_from_key(stuinfo_ctx *ctx, const char *key, size_t len,
                                           int32_t *out);

/**
 * Number of codes in @p table, into *out. Returns STUINFO_OK or
 * STUINFO_ERR_INVALID_ARGUMENT (NULL argument, unknown table).
 * @since 0.1
 */
stuinfo_status stuinfo_code_count(stuinfo_ctx *ctx, int32_t table, uint32_t *out);

/**
 * The code at position @p index (0-based) of @p table in code order (shorter codes
 * first, then byte order). Returns STUINFO_OK, STUINFO_ERR_NOT_FOUND (index past the
 * end) or STUINFO_ERR_INVALID_ARGUMENT (NULL argument, unknown table, bad size).
 * @since 0.1
 */
stuinfo_status stuinfo_code_at(stuinfo_ctx *ctx, int32_t table, uint32_t index,
                               stuinfo_code_entry *out);

/**
 * Find a code exactly as stored (@p code, @p len bytes, e.g. "01", "156", "CHN").
 * Nationality codes are found by numeric, alpha-2 or alpha-3 code and ethnicity by
 * its two-letter code too. Never allocates.
 * Returns STUINFO_OK, STUINFO_ERR_NOT_FOUND or STUINFO_ERR_INVALID_ARGUMENT (NULL
 * argument, unknown table, `out->size` too small).
 * @since 0.1
 */
stuinfo_status stuinfo_code_find(stuinfo_ctx *ctx, int32_t table, const char *code,
                                 size_t len, stuinfo_code_entry *out);

/**
 * Find what people typed (@p text, UTF-8, @p len bytes): a full or short name,
 * romanization, English name, alias, former name or code ("汉", "漢族", "ＨＡ",
 * "Han", "共青团员", "China", "CHN", "156"); a code whose leading zeros a spreadsheet
 * dropped ("1" for 01) in the ethnicity, political-status, 港澳台侨外 and nationality
 * tables; a region with its parents ("北京市朝阳区", "吉林省长春市朝阳区"), or a
 * province or prefecture without its suffix ("北京", "河北石家庄").
 * Full-width forms, letter case, white space anywhere and traditional characters are
 * folded away. Never a nearest guess: an official name wins over another code's alias
 * or former name, and a current code over a retired one; otherwise several matches
 * give STUINFO_ERR_AMBIGUOUS.
 * Returns STUINFO_OK, STUINFO_ERR_NOT_FOUND, STUINFO_ERR_AMBIGUOUS (the text names
 * several codes), STUINFO_ERR_ENCODING (invalid UTF-8 or a NUL byte),
 * STUINFO_ERR_INVALID (a control character, or an invisible one that folding would
 * hide: zero-width U+200B-U+200D, U+2060, soft hyphen, a BOM inside, bidi controls
 * U+202A-U+202E and U+2066-U+2069; refused, never matched), STUINFO_ERR_TOO_LONG (over
 * 256 bytes), STUINFO_ERR_ICU or STUINFO_ERR_INVALID_ARGUMENT. Never allocates.
 * @since 0.1
 */
stuinfo_status stuinfo_code_find_name(stuinfo_ctx *ctx, int32_t table, const char *text,
                                      size_t len, stuinfo_code_entry *out);

/**
 * Look up a GB/T 2260 region code (exactly six ASCII digits), current or retired,
 * with its province and prefecture. Returns STUINFO_OK, STUINFO_ERR_NOT_FOUND
 * (never published, or not six digits) or STUINFO_ERR_INVALID_ARGUMENT.
 * @since 0.1
 */
stuinfo_status stuinfo_region_find(stuinfo_ctx *ctx, const char *code, size_t len,
                                   stuinfo_region *out);

/**
 * Like stuinfo_region_find(), with the names each code carried in @p year (a birth
 * year, say: 130502 was 桥东区 until 2019 and is 襄都区 since). Years outside the
 * code's own first_year..last_year still give a result; compare them yourself.
 * @p year 0 means the latest names. Returns as stuinfo_region_find(), and
 * STUINFO_ERR_INVALID_ARGUMENT for a year outside 0..9999.
 * @since 0.1
 */
stuinfo_status stuinfo_region_find_at(stuinfo_ctx *ctx, const char *code, size_t len,
                                      int32_t year, stuinfo_region *out);

#if defined(__GNUC__) && !defined(STUINFO_CDEF)
#pragma GCC visibility pop
#endif
#ifdef __cplusplus
}
#endif
#endif /* STUINFO_CODES_H */
