/*
 * Stream a roster: read a CSV file (UTF-8 or GB18030) row by row in constant memory, each
 * row turned into a validated student record, and print what is wrong where. Copy from
 * here.
 *
 *   cc stream_roster.c $(pkg-config --cflags --libs stuinfo)
 *   ./a.out examples/data/roster.csv
 *
 * Exit status: 0 no errors, 1 some rows have errors, 2 the file could not be read.
 */
#include <stdio.h>

#include <stuinfo.h>

/* Print every error and warning of a report (notes say what was canonicalized). */
static size_t
print_findings(const stuinfo_report *report)
{
    size_t errors = 0;

    for (size_t i = 0; i < stuinfo_report_count(report); i++) {
        stuinfo_finding f = {.size = sizeof(f)};
        if (stuinfo_report_get(report, i, &f) != STUINFO_OK ||
            f.severity == STUINFO_SEVERITY_NOTE)
            continue;
        errors += f.severity == STUINFO_SEVERITY_ERROR;
        printf("row %-4lld %-7s %-18s %s\n", (long long)f.row,
               stuinfo_severity_str(f.severity), f.field, f.message);
    }
    return errors;
}

int
main(int argc, char **argv)
{
    stuinfo_ctx *ctx = NULL;
    stuinfo_roster_reader *reader = NULL;
    stuinfo_roster_row *row = NULL;
    stuinfo_roster_counts counts = {.size = sizeof(counts)};
    size_t errors = 0, students = 0;
    int rc = 2;

    if (argc != 2) {
        fprintf(stderr, "usage: %s ROSTER.csv\n", argv[0]);
        return 2;
    }
    if (stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK)
        return 2;
    stuinfo_ctx_set_lang(ctx, STUINFO_LANG_EN);

    /* NULL options: detect the encoding, a heading row, records validated with the
     * default policy, duplicate-ID checks across the roster. */
    if (stuinfo_roster_reader_open(ctx, NULL, argv[1], &reader) != STUINFO_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], stuinfo_ctx_last_message(ctx));
        goto out;
    }
    /* A row (and its record and findings) is borrowed until the next call. */
    while (stuinfo_roster_reader_next(reader, &row) == STUINFO_OK && row) {
        const stuinfo_student *st = stuinfo_roster_row_student(row);
        if (st)     /* a real program stores it here: stuinfo_student_clone() keeps it */
            students++;
        errors += print_findings(stuinfo_roster_row_findings(row));
    }
    if (stuinfo_ctx_last_status(ctx) != STUINFO_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], stuinfo_ctx_last_message(ctx));
        goto out;
    }
    /* Findings about the file: heading problems, and the roster-level checks that can
     * only run at the end (the same ID number in two rows ...). */
    errors += print_findings(stuinfo_roster_reader_file_findings(reader));

    stuinfo_roster_reader_counts(reader, &counts);
    printf("%zu records; %lld rows: %lld accepted, %lld with errors, %lld skipped; encoding %s\n",
           students, (long long)counts.rows_read, (long long)counts.rows_accepted,
           (long long)counts.rows_with_errors, (long long)counts.rows_skipped,
           stuinfo_roster_reader_encoding(reader) == STUINFO_ROSTER_ENCODING_GB18030
               ? "GB18030" : "UTF-8");
    rc = errors ? 1 : 0;
out:
    stuinfo_roster_reader_free(reader);     /* closes the file, wipes the buffers */
    stuinfo_ctx_free(ctx);
    return rc;
}
