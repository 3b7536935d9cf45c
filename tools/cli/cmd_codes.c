/*
 * stuinfo codes [TABLE [QUERY...]]: list the code tables, list one table, or find codes
 * by code or by what people type.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { MAX_TABLE_ID = 64 };

/* Find a table by its key ("ethnicity") or number. Returns 0 if there is none. */
static int32_t
table_by_key(struct cli *cli, const char *key)
{
    char *end;
    long n = strtol(key, &end, 10);
    for (int32_t t = 1; t <= MAX_TABLE_ID; t++) {
        stuinfo_code_table_info info = {.size = sizeof(info)};
        if (stuinfo_code_table_get_info(cli->ctx, t, &info) != STUINFO_OK)
            continue;
        if ((*end == '\0' && n == t) || strcmp(info.key, key) == 0)
            return t;
    }
    return 0;
}

static int
list_tables(struct cli *cli)
{
    for (int32_t t = 1; t <= MAX_TABLE_ID; t++) {
        stuinfo_code_table_info info = {.size = sizeof(info)};
        if (stuinfo_code_table_get_info(cli->ctx, t, &info) != STUINFO_OK)
            continue;
        if (cli->json) {
            printf("{\"table\":");
            cli_json_string(stdout, info.key);
            printf(",\"id\":%d,\"count\":%u,\"title\":", (int)t, (unsigned)info.count);
            cli_json_string(stdout, info.title);
            printf(",\"title_en\":");
            cli_json_string(stdout, info.title_en);
            printf(",\"standard\":");
            cli_json_string(stdout, info.standard);
            printf("}\n");
        } else {
            printf("%-34s %6u  %s%s%s\n", info.key, (unsigned)info.count,
                   cli_tr(cli, info.title, info.title_en),
                   info.standard ? "  " : "", info.standard ? info.standard : "");
        }
    }
    return CLI_EXIT_CLEAN;
}

static void
print_flags(uint32_t flags)
{
    static const struct { uint32_t bit; const char *name; } names[] = {
        {STUINFO_CODE_REGISTRY, "registry"}, {STUINFO_CODE_RETIRED, "retired"},
        {STUINFO_CODE_SUPPLEMENTARY, "supplementary"}, {STUINFO_CODE_CATEGORY, "category"},
        {STUINFO_CODE_PLACEHOLDER, "placeholder"},
        {STUINFO_CODE_STATISTICAL_ONLY, "statistical_only"},
        {STUINFO_CODE_FAMILY, "family"}, {STUINFO_CODE_UNVERIFIED, "unverified"},
    };
    bool first = true;

    putchar('[');
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (flags & names[i].bit) {
            printf("%s\"%s\"", first ? "" : ",", names[i].name);
            first = false;
        }
    }
    putchar(']');
}

static void
print_entry(struct cli *cli, const char *table_key, const stuinfo_code_entry *e)
{
    if (cli->json) {
        printf("{\"table\":");
        cli_json_string(stdout, table_key);
        printf(",\"code\":");
        cli_json_string(stdout, e->code);
        printf(",\"name\":");
        cli_json_string(stdout, e->name);
        printf(",\"short_name\":");
        cli_json_string(stdout, e->short_name);
        printf(",\"name_en\":");
        cli_json_string(stdout, e->name_en);
        printf(",\"alpha2\":");
        cli_json_string(stdout, e->alpha2);
        printf(",\"alpha3\":");
        cli_json_string(stdout, e->alpha3);
        printf(",\"parent\":");
        cli_json_string(stdout, e->parent);
        printf(",\"flags\":");
        print_flags(e->flags);
        printf("}\n");
        return;
    }
    printf("%-8s %s", e->code, e->name);
    if (e->short_name)
        printf(" (%s)", e->short_name);
    if (e->name_en)
        printf("  %s", e->name_en);
    if (e->alpha2 || e->alpha3)
        printf("  [%s%s%s]", e->alpha2 ? e->alpha2 : "", e->alpha2 && e->alpha3 ? " " : "",
               e->alpha3 ? e->alpha3 : "");
    if (e->flags & STUINFO_CODE_RETIRED)
        printf("  %s", cli_tr(cli, "（已停用）", "(retired)"));
    putchar('\n');
}

static void
print_region(struct cli *cli, const stuinfo_region *r)
{
    if (cli->json) {
        printf("{\"table\":\"region\",\"code\":");
        cli_json_string(stdout, r->code);
        printf(",\"name\":");
        cli_json_string(stdout, r->name);
        printf(",\"level\":%d,\"province\":", (int)r->level);
        cli_json_string(stdout, r->province_name);
        printf(",\"prefecture\":");
        cli_json_string(stdout, r->prefecture_name);
        printf(",\"county\":");
        cli_json_string(stdout, r->county_name);
        printf(",\"first_year\":%d,\"last_year\":%d,\"flags\":", (int)r->first_year,
               (int)r->last_year);
        print_flags(r->flags);
        printf("}\n");
        return;
    }
    printf("%-8s %s", r->code, r->name);
    if (r->province_name || r->prefecture_name) {
        printf("  (");
        if (r->province_name)
            printf("%s", r->province_name);
        if (r->prefecture_name && r->level == STUINFO_REGION_COUNTY)
            printf(" %s", r->prefecture_name);
        printf(")");
    }
    if (r->last_year)
    {
        if (cli->english)
            printf("  used %d-%d, retired", (int)r->first_year, (int)r->last_year);
        else
            printf("  %d—%d 年使用，已撤销", (int)r->first_year, (int)r->last_year);
    }
    putchar('\n');
}

static int
list_table(struct cli *cli, int32_t table, const char *key)
{
    uint32_t count = 0;

    if (stuinfo_code_count(cli->ctx, table, &count) != STUINFO_OK) {
        cli_error_status(cli, "无法读取代码表", "cannot read the table", key);
        return CLI_EXIT_UNUSABLE;
    }
    for (uint32_t i = 0; i < count; i++) {
        stuinfo_code_entry e = {.size = sizeof(e)};
        if (stuinfo_code_at(cli->ctx, table, i, &e) == STUINFO_OK)
            print_entry(cli, key, &e);
    }
    return CLI_EXIT_CLEAN;
}

/* Find one query: exact code first, then by name. Returns false if not found. */
static bool
find_one(struct cli *cli, int32_t table, const char *key, const char *query)
{
    stuinfo_code_entry e = {.size = sizeof(e)};
    size_t len = strlen(query);
    stuinfo_status st = stuinfo_code_find(cli->ctx, table, query, len, &e);

    if (st == STUINFO_ERR_NOT_FOUND)
        st = stuinfo_code_find_name(cli->ctx, table, query, len, &e);
    if (st != STUINFO_OK) {
        if (cli->json) {
            printf("{\"table\":");
            cli_json_string(stdout, key);
            printf(",\"query\":");
            cli_json_string(stdout, query);
            printf(",\"found\":false,\"status\":");
            cli_json_string(stdout, stuinfo_status_str(st));
            printf(",\"message\":");
            cli_json_string(stdout, stuinfo_ctx_last_message(cli->ctx));
            printf("}\n");
        } else {
            fprintf(stdout, "%s  %s\n", query, stuinfo_ctx_last_message(cli->ctx));
        }
        return false;
    }
    if (table == STUINFO_TABLE_REGION) {
        stuinfo_region r = {.size = sizeof(r)};
        if (stuinfo_region_find(cli->ctx, e.code, strlen(e.code), &r) == STUINFO_OK) {
            print_region(cli, &r);
            return true;
        }
    }
    print_entry(cli, key, &e);
    return true;
}

int
cli_cmd_codes(struct cli *cli)
{
    if (cli->argc == 0)
        return list_tables(cli);
    const char *key = cli->argv[0];
    int32_t table = table_by_key(cli, key);
    if (table == 0) {
        cli_error(cli, "没有这个代码表（“stuinfo codes” 列出全部）",
                  "no such table ('stuinfo codes' lists them)", key);
        return CLI_EXIT_UNUSABLE;
    }
    stuinfo_code_table_info info = {.size = sizeof(info)};
    stuinfo_code_table_get_info(cli->ctx, table, &info);
    if (cli->argc == 1)
        return list_table(cli, table, info.key);
    bool all_found = true;
    for (int i = 1; i < cli->argc; i++)
        if (!find_one(cli, table, info.key, cli->argv[i]))
            all_found = false;
    return all_found ? CLI_EXIT_CLEAN : CLI_EXIT_FINDINGS;
}
