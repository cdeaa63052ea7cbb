/*
 * outfile.c - atomic output files (see outfile.h).
 *
 * A report is many files.  Each one is written to a temporary beside its
 * destination (".NAME.XXXXXX", created by mkstemp so that no existing file
 * is ever opened for writing) and only renamed into place once every file
 * of the set was flushed, checked and closed without error.  rename(2)
 * within one directory is atomic, so a reader sees either the old file or
 * the new one, never a half-written mixture; a failing run leaves the old
 * outputs byte-identical and removes its temporaries.
 *
 * Temporaries get the mode a plain fopen would have given the final file
 * (0666 less the umask), since mkstemp creates them 0600 and the rename
 * keeps that mode.
 */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

void outset_init(bc_outset *s)
{
    s->files = NULL;
    s->n = 0;
    s->cap = 0;
}

/* The process umask.  umask(2) can only be read by setting it, so set it back. */
static mode_t current_umask(void)
{
    mode_t m = umask(022);
    umask(m);
    return m;
}

/*
 * Builds "DIR/.BASE.XXXXXX" for `dest`, or NULL on OOM or when dest has no
 * file name part (empty, or ending in '/').  Sets errno.
 */
static char *temp_template(const char *dest)
{
    const char *slash = strrchr(dest, '/');
    size_t dirlen = slash ? (size_t)(slash - dest) + 1 : 0; /* with the '/' */
    const char *base = dest + dirlen;
    if (*base == '\0') {
        errno = EISDIR;
        return NULL;
    }
    static const char suffix[] = ".XXXXXX";
    size_t baselen = strlen(base);
    char *t = malloc(dirlen + 1 + baselen + sizeof suffix);
    if (!t) {
        errno = ENOMEM;
        return NULL;
    }
    memcpy(t, dest, dirlen);
    t[dirlen] = '.';
    memcpy(t + dirlen + 1, base, baselen);
    memcpy(t + dirlen + 1 + baselen, suffix, sizeof suffix);
    return t;
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

int outset_open(bc_outset *s, const char *dest, FILE **fp, bc_errors *errs)
{
    char *tmp = NULL, *dcopy = NULL;
    int fd = -1;
    FILE *f = NULL;
    int err;

    *fp = NULL;
    struct stat st;
    if (stat(dest, &st) == 0 && S_ISDIR(st.st_mode)) {
        err = EISDIR;
        goto fail;
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        bc_outfile *files = realloc(s->files, cap * sizeof *files);
        if (!files) {
            err = ENOMEM;
            goto fail;
        }
        s->files = files;
        s->cap = cap;
    }
    tmp = temp_template(dest);
    if (!tmp) {
        err = errno;
        goto fail;
    }
    dcopy = dup_str(dest);
    if (!dcopy) {
        err = ENOMEM;
        goto fail;
    }
    fd = mkstemp(tmp);
    if (fd < 0) {
        err = errno;
        free(tmp); /* nothing was created under this name */
        tmp = NULL;
        goto fail;
    }
    if (fchmod(fd, 0666 & ~current_umask()) != 0) {
        err = errno;
        goto fail;
    }
    f = fdopen(fd, "w");
    if (!f) {
        err = errno;
        goto fail;
    }
    s->files[s->n++] = (bc_outfile){ dcopy, tmp, f };
    *fp = f;
    return BC_OK;

fail:
    if (fd >= 0) {
        close(fd);
        unlink(tmp);
    }
    free(tmp);
    free(dcopy);
    if (err == ENOMEM)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
    return errors_add(errs, BC_EX_CANTCREAT, NULL, 0, 0, "cannot create '%s': %s", dest,
                      strerror(err));
}

/*
 * Flushes, syncs and closes one stream.  Returns 0, or the errno of the
 * first failure (EIO when a stream reports an error but no cause).
 */
static int close_checked(FILE *f)
{
    int err = 0;
    if (fflush(f) != 0)
        err = errno ? errno : EIO;
    else if (ferror(f))
        err = EIO;
    else if (fsync(fileno(f)) != 0 && errno != EINVAL && errno != ENOTSUP && errno != EROFS)
        err = errno; /* special files cannot be synced; that is no write error */
    errno = 0;
    if (fclose(f) != 0 && !err)
        err = errno ? errno : EIO;
    return err;
}

/* Frees the set's bookkeeping and empties it; temporaries must be dealt with. */
static void outset_clear(bc_outset *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->files[i].dest);
        free(s->files[i].tmp);
    }
    free(s->files);
    outset_init(s);
}

int outset_commit(bc_outset *s, bc_errors *errs)
{
    int rc = BC_OK;

    /* First close every stream, so that none is left open whatever fails. */
    for (size_t i = 0; i < s->n; i++) {
        bc_outfile *o = &s->files[i];
        if (!o->fp)
            continue;
        errno = 0;
        int err = close_checked(o->fp);
        o->fp = NULL;
        if (err && rc == BC_OK)
            rc = errors_add(errs, BC_EX_IOERR, NULL, 0, 0, "cannot write '%s': %s", o->dest,
                            strerror(err));
    }
    if (rc != BC_OK) {
        for (size_t i = 0; i < s->n; i++)
            unlink(s->files[i].tmp);
        outset_clear(s);
        return rc;
    }

    /* Every file is complete: move them into place. */
    for (size_t i = 0; i < s->n; i++) {
        bc_outfile *o = &s->files[i];
        if (rc == BC_OK && rename(o->tmp, o->dest) != 0)
            rc = errors_add(errs, BC_EX_CANTCREAT, NULL, 0, 0, "cannot create '%s': %s", o->dest,
                            strerror(errno));
        if (rc != BC_OK)
            unlink(o->tmp);
    }
    outset_clear(s);
    return rc;
}

void outset_abort(bc_outset *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        if (s->files[i].fp)
            fclose(s->files[i].fp);
        s->files[i].fp = NULL;
        unlink(s->files[i].tmp);
    }
    outset_clear(s);
}

int outfile_mkdirs(const char *path, bc_errors *errs)
{
    struct stat st;
    int err = 0;

    if (*path == '\0')
        return errors_add(errs, BC_EX_CANTCREAT, NULL, 0, 0,
                          "cannot create directory '': empty path");
    char *p = dup_str(path);
    if (!p)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");

    /* Walk the prefixes "a", "a/b", "a/b/c", creating each that is missing. */
    size_t len = strlen(p);
    for (size_t i = 1; i <= len && !err; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        if (p[i - 1] == '/')
            continue; /* "a//b" or a trailing '/' */
        char saved = p[i];
        p[i] = '\0';
        if (mkdir(p, 0777) != 0) {
            int e = errno;
            if (stat(p, &st) != 0)
                err = e;
            else if (!S_ISDIR(st.st_mode))
                err = ENOTDIR;
        }
        p[i] = saved;
    }
    free(p);
    if (err)
        return errors_add(errs, BC_EX_CANTCREAT, NULL, 0, 0, "cannot create directory '%s': %s",
                          path, strerror(err));
    return BC_OK;
}

int outfile_check_stream(FILE *fp, const char *what, bc_errors *errs)
{
    int err = 0;
    errno = 0;
    if (fflush(fp) != 0)
        err = errno ? errno : EIO;
    else if (ferror(fp))
        err = EIO;
    if (err)
        return errors_add(errs, BC_EX_IOERR, NULL, 0, 0, "cannot write %s: %s", what,
                          strerror(err));
    return BC_OK;
}
