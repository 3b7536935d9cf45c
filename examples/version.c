/*
 * The smallest libstuinfo program: make a context, print the library version, show how
 * an error is read back, and free the context.
 *
 *   cc version.c $(pkg-config --cflags --libs stuinfo)
 */
#include <stdio.h>

#include <stuinfo.h>

int
main(void)
{
    stuinfo_ctx *ctx = NULL;
    stuinfo_status st;

    printf("libstuinfo %s (header %s)\n", stuinfo_version(), STUINFO_VERSION_STRING);
    if (stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK) {
        fprintf(stderr, "cannot make a context\n");
        return 1;
    }
    /* Messages are in Chinese by default; English on request. */
    stuinfo_ctx_set_lang(ctx, STUINFO_LANG_EN);
    st = stuinfo_ctx_set_lang(ctx, 42);     /* not a language: fails on purpose */
    printf("status %d (%s): %s\n", (int)st, stuinfo_status_str(st),
           stuinfo_ctx_last_message(ctx));
    stuinfo_ctx_free(ctx);
    return st == STUINFO_ERR_INVALID_ARGUMENT ? 0 : 1;
}
