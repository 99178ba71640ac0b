/* paths.h — where quire keeps its files: the XDG base directories, and
 * creating the folders a file needs. */
#ifndef QUIRE_PATHS_H
#define QUIRE_PATHS_H

/* Return the default library path, newly allocated:
 * $XDG_DATA_HOME/quire/library.db, else ~/.local/share/quire/library.db.
 * Returns NULL with *errp set when neither XDG_DATA_HOME nor a home
 * directory is known. */
char *paths_default_library(char **errp);

/* Create every missing directory above the file at path (like mkdir -p on
 * its dirname), mode 0700 for new ones. Returns 0, or -1 with *errp set. */
int paths_make_parents(const char *path, char **errp);

#endif
