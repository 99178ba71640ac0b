/* config.c — the command line's side of the configuration file: reading it
 * for the pager and for `quire config --dump`, and reporting its bad lines
 * as "quire: FILE:LINE: reason" on stderr before the pager takes the
 * screen. */
#include <stdlib.h>

#include "cli.h"
#include "config.h"
#include "util.h"

/* Read the configuration named by --config, else the default file. */
struct config *
cli_config(const struct context *ctx)
{
	struct config *cfg = config_create();
	char *path = ctx->config_option != NULL ? xstrdup(ctx->config_option) : config_default_path();
	if (path != NULL) {
		char *err = NULL;
		if (config_load(cfg, path, ctx->config_option != NULL, &err) < 0) {
			cli_complain("%s", err);
			free(err);
			free(path);
			config_free(cfg);
			return NULL;
		}
	}
	for (size_t i = 0; i < cfg->nerrors; i++)
		cli_complain("%s", cfg->errors[i]);
	free(path);
	return cfg;
}

/* config [--dump]: print the configuration in effect in the file's syntax. */
int
cmd_config(struct context *ctx)
{
	struct config *cfg = cli_config(ctx);
	if (cfg == NULL)
		return EXIT_FAIL;
	config_dump(cfg, stdout);
	int status = cfg->nerrors > 0 ? EXIT_FAIL : EXIT_OK;
	config_free(cfg);
	return cli_finish_output(status);
}
