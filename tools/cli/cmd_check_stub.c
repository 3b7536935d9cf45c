/* stuinfo check, in a build without the roster layer (issue 6): says so. */
#include "cli.h"

int
cli_cmd_check(struct cli *cli)
{
    cli_error(cli, "此版本尚不支持 check 命令（缺少花名册模块）",
              "this build cannot check rosters (no roster layer)", NULL);
    return CLI_EXIT_UNUSABLE;
}
