/* A program built from an installed libstuinfo with `pkg-config --cflags --libs stuinfo`. */
#include <stdio.h>
#include <string.h>

#include <stuinfo.h>

int
main(void)
{
    stuinfo_ctx *ctx = NULL;

    if (strcmp(stuinfo_version(), STUINFO_VERSION_STRING) != 0)
        return 1;
    if (stuinfo_ctx_new(NULL, &ctx) != STUINFO_OK)
        return 1;
    stuinfo_ctx_free(ctx);
    printf("consumer ok %s\n", stuinfo_version());
    return 0;
}
