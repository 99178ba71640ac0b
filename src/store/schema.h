/* schema.h — the store's private schema: the migrations that build the
 * library one user_version at a time (schema.c). */
#ifndef QUIRE_STORE_SCHEMA_H
#define QUIRE_STORE_SCHEMA_H

/* schema_migrations[i] is the SQL that takes user_version i to i + 1; there
 * are STORE_SCHEMA_VERSION of them. */
extern const char *const schema_migrations[];

#endif
