/* stuinfo check ROSTER: waits for the roster layer (issue 6). */
#include "cli.h"

int
cli_cmd_check(struct cli *cli)
{
    cli_error(cli, "此版本尚不支持 check 命令", "this build cannot check rosters yet", NULL);
    return CLI_EXIT_UNUSABLE;
}
