/* stuinfo request ...: waits for the workflow layer (issue 7). */
#include "cli.h"

int
cli_cmd_request(struct cli *cli)
{
    cli_error(cli, "此版本尚不支持 request 命令", "this build cannot drive change requests yet",
              NULL);
    return CLI_EXIT_UNUSABLE;
}
