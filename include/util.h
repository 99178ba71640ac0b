/* util.h — allocation that never fails, fatal errors, growable byte buffers. */
#ifndef QUIRE_UTIL_H
#define QUIRE_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Allocation failure is fatal: these print a message and exit(1). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of nmemb elements of size bytes; returns the new pointer. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);                 /* xstrdup(NULL) returns NULL */
/* Copy at most n bytes of s (stopping at its NUL); newly allocated. */
char *xstrndup(const char *s, size_t n);
/* Copy n bytes of s, NULs and all, plus a terminating NUL; newly allocated. */
char *xmemdup(const void *s, size_t n);
/* Return a newly allocated formatted string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* A broken invariant: print where, then abort. */
void fatal_at(const char *func, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), noreturn));
#define fatal(...) fatal_at(__func__, __LINE__, __VA_ARGS__)

/* Set *errp (if errp is not NULL) to a newly allocated message; returns -1 so
 * callers can write `return set_error(errp, "...")`. */
int set_error(char **errp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A growable byte buffer, always NUL-terminated once anything is appended.
 * Zero-initialise it (struct buf b = {0}) or call buf_init. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_truncate(struct buf *b, size_t len);
/* Return the contents as a newly allocated string ("" if empty) and reset b. */
char *buf_detach(struct buf *b);
/* Return b's text; never NULL, valid until b changes. */
const char *buf_str(const struct buf *b);
void buf_free(struct buf *b);

/* Read a whole file (or stdin when path is "-") into *data (newly allocated,
 * NUL-terminated) and *len. Returns 0, or -1 with *errp set. max caps the size. */
int read_file(const char *path, size_t max, char **data, size_t *len, char **errp);

#endif
