/* paths.c — the XDG base directory rules for the library's default place, and
 * mkdir -p for a file's parent directories. Nothing here is cached: the
 * environment is read at each call. */
#include "paths.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* Return $HOME, else the password database's home directory, else NULL. */
static const char *
home_dir(void)
{
	const char *home = getenv("HOME");
	if (home != NULL && home[0] != '\0')
		return home;
	struct passwd *pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_dir != NULL && pw->pw_dir[0] != '\0')
		return pw->pw_dir;
	return NULL;
}

char *
paths_default_library(char **errp)
{
	/* XDG: a relative XDG_DATA_HOME is invalid and must be ignored. */
	const char *data = getenv("XDG_DATA_HOME");
	if (data != NULL && data[0] == '/')
		return xasprintf("%s/quire/library.db", data);
	const char *home = home_dir();
	if (home == NULL) {
		set_error(errp, "no home directory: set HOME, XDG_DATA_HOME or QUIRE_DB");
		return NULL;
	}
	return xasprintf("%s/.local/share/quire/library.db", home);
}

int
paths_make_parents(const char *path, char **errp)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash == NULL || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	/* Walk down from the top, creating each missing component. */
	for (char *p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		struct stat sb;
		if (stat(dir, &sb) == 0) {
			if (!S_ISDIR(sb.st_mode)) {
				set_error(errp, "%s: not a directory", dir);
				goto fail;
			}
		} else if (errno != ENOENT || (mkdir(dir, 0700) < 0 && errno != EEXIST)) {
			set_error(errp, "cannot create directory %s: %s", dir, strerror(errno));
			goto fail;
		}
		*p = saved;
		if (saved == '\0')
			break;
	}
	free(dir);
	return 0;
fail:
	free(dir);
	return -1;
}
