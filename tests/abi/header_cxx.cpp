// The umbrella header compiles as C++ and links with C linkage.
#include <stuinfo.h>

int
main()
{
    stuinfo_ctx *ctx = nullptr;
    if (stuinfo_ctx_new(nullptr, &ctx) != STUINFO_OK)
        return 1;
    stuinfo_ctx_free(ctx);
    return stuinfo_version_number() == STUINFO_VERSION_NUMBER ? 0 : 1;
}
