/*
 * test_outfile.c - atomic output files: a commit puts every file in
 * place, an abort or a failed write leaves the old files byte-identical
 * and no temporary behind, unwritable destinations are refused with 73.
 *
 * Write failures are made real rather than mocked: the descriptor under a
 * stream is replaced by /dev/full, so the kernel answers ENOSPC exactly
 * as a full disk would.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "outfile.h"

/* A fresh scratch directory per test; removed (recursively) afterwards. */
typedef struct {
    char dir[64];
} scratch;

static char *path_in(const scratch *sc, const char *name)
{
    size_t n = strlen(sc->dir) + 1 + strlen(name) + 1;
    char *p = malloc(n);
    assert_non_null(p);
    snprintf(p, n, "%s/%s", sc->dir, name);
    return p;
}

static void write_plain(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* The whole content of a file as a NUL-terminated string the caller frees. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    int c;
    while ((c = getc(f)) != EOF)
        putc(c, m);
    fclose(f);
    assert_int_equal(fclose(m), 0);
    return buf;
}

/* Entries of `dir` other than . and .., and how many look like temporaries. */
static size_t count_entries(const char *dir, size_t *hidden)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    *hidden = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        n++;
        if (e->d_name[0] == '.')
            (*hidden)++;
    }
    closedir(d);
    return n;
}

static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                    continue;
                size_t n = strlen(path) + strlen(e->d_name) + 2;
                char *sub = malloc(n);
                snprintf(sub, n, "%s/%s", path, e->d_name);
                remove_tree(sub);
                free(sub);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static int setup(void **state)
{
    scratch *sc = calloc(1, sizeof *sc);
    if (!sc)
        return -1;
    snprintf(sc->dir, sizeof sc->dir, "/tmp/bc_outfile.XXXXXX");
    if (!mkdtemp(sc->dir)) {
        free(sc);
        return -1;
    }
    *state = sc;
    return 0;
}

static int teardown(void **state)
{
    scratch *sc = *state;
    remove_tree(sc->dir);
    free(sc);
    return 0;
}

/* Does any diagnostic contain `needle`? */
static int errors_mention(const bc_errors *e, const char *needle)
{
    for (size_t i = 0; i < e->n; i++)
        if (strstr(e->items[i].msg, needle))
            return 1;
    return 0;
}

/* Replaces the descriptor under `f` by /dev/full: every write now fails with ENOSPC. */
static void make_stream_fail(FILE *f)
{
    int full = open("/dev/full", O_WRONLY);
    assert_true(full >= 0);
    assert_true(dup2(full, fileno(f)) >= 0);
    close(full);
}

static void test_commit_writes_files(void **state)
{
    scratch *sc = *state;
    char *a = path_in(sc, "a.md"), *b = path_in(sc, "b.csv");
    write_plain(b, "old content\n");
    bc_outset s;
    bc_errors errs;
    outset_init(&s);
    errors_init(&errs);
    FILE *fa, *fb;
    assert_int_equal(outset_open(&s, a, &fa, &errs), BC_OK);
    assert_int_equal(outset_open(&s, b, &fb, &errs), BC_OK);
    fputs("# title\n", fa);
    fputs("x,y\n1,2\n", fb);

    /* Nothing is visible before the commit: b still holds its old text. */
    assert_int_equal(access(a, F_OK), -1);
    char *before = slurp(b);
    assert_string_equal(before, "old content\n");
    free(before);
    size_t hidden;
    assert_int_equal(count_entries(sc->dir, &hidden), 3);
    assert_int_equal(hidden, 2);

    assert_int_equal(outset_commit(&s, &errs), BC_OK);
    assert_int_equal(errs.n, 0);
    assert_int_equal(s.n, 0);
    char *ta = slurp(a), *tb = slurp(b);
    assert_string_equal(ta, "# title\n");
    assert_string_equal(tb, "x,y\n1,2\n");
    free(ta);
    free(tb);
    assert_int_equal(count_entries(sc->dir, &hidden), 2);
    assert_int_equal(hidden, 0);
    free(a);
    free(b);
    errors_release(&errs);
}

static void test_commit_mode_follows_umask(void **state)
{
    scratch *sc = *state;
    char *a = path_in(sc, "a.txt"), *b = path_in(sc, "b.txt");
    mode_t old = umask(027);
    bc_outset s;
    bc_errors errs;
    outset_init(&s);
    errors_init(&errs);
    FILE *f;
    assert_int_equal(outset_open(&s, a, &f, &errs), BC_OK);
    fputs("x\n", f);
    assert_int_equal(outset_commit(&s, &errs), BC_OK);
    umask(022);
    assert_int_equal(outset_open(&s, b, &f, &errs), BC_OK);
    fputs("y\n", f);
    assert_int_equal(outset_commit(&s, &errs), BC_OK);
    umask(old);

    /* The same mode a plain fopen would have given: 0666 less the umask. */
    struct stat st;
    assert_int_equal(stat(a, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    assert_int_equal(stat(b, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0644);
    free(a);
    free(b);
    errors_release(&errs);
}

static void test_abort_keeps_old_file(void **state)
{
    scratch *sc = *state;
    char *a = path_in(sc, "README.md"), *n = path_in(sc, "new.md");
    const char *old_text = "old report\nline two\n";
    write_plain(a, old_text);
    bc_outset s;
    bc_errors errs;
    outset_init(&s);
    errors_init(&errs);
    FILE *fa, *fn;
    assert_int_equal(outset_open(&s, a, &fa, &errs), BC_OK);
    assert_int_equal(outset_open(&s, n, &fn, &errs), BC_OK);
    fputs("half a new rep", fa);
    fputs("never seen", fn);
    fflush(fa); /* the bytes reach the temporary, not the old file */
    outset_abort(&s);
    assert_int_equal(s.n, 0);

    char *t = slurp(a);
    assert_string_equal(t, old_text);
    free(t);
    assert_int_equal(access(n, F_OK), -1);
    size_t hidden;
    assert_int_equal(count_entries(sc->dir, &hidden), 1);
    assert_int_equal(hidden, 0);
    assert_int_equal(errs.n, 0);

    outset_abort(NULL);     /* NULL is fine */
    outset_abort(&s);       /* so is an empty set */
    assert_int_equal(outset_commit(&s, &errs), BC_OK); /* and committing nothing */
    free(a);
    free(n);
    errors_release(&errs);
}

static void test_write_error_renames_nothing(void **state)
{
    scratch *sc = *state;
    char *a = path_in(sc, "a.md"), *b = path_in(sc, "b.md"), *c = path_in(sc, "c.md");
    write_plain(a, "old a\n");
    write_plain(b, "old b\n");
    bc_outset s;
    bc_errors errs;
    outset_init(&s);
    errors_init(&errs);
    FILE *fa, *fb, *fc;
    assert_int_equal(outset_open(&s, a, &fa, &errs), BC_OK);
    assert_int_equal(outset_open(&s, b, &fb, &errs), BC_OK);
    assert_int_equal(outset_open(&s, c, &fc, &errs), BC_OK);
    fputs("new a\n", fa);
    fputs("new c\n", fc);
    make_stream_fail(fb);
    /* More than a stdio buffer, so some writes fail before the commit too. */
    for (int i = 0; i < 20000; i++)
        fputs("new b ", fb);

    assert_int_equal(outset_commit(&s, &errs), BC_EX_IOERR);
    assert_int_equal(errs.code, BC_EX_IOERR);
    assert_true(errors_mention(&errs, "cannot write '"));
    assert_true(errors_mention(&errs, "b.md"));
    assert_true(errors_mention(&errs, "No space left on device"));
    assert_int_equal(s.n, 0);

    /* a and c were written fine, but nothing is renamed when one file fails. */
    char *ta = slurp(a), *tb = slurp(b);
    assert_string_equal(ta, "old a\n");
    assert_string_equal(tb, "old b\n");
    free(ta);
    free(tb);
    assert_int_equal(access(c, F_OK), -1);
    size_t hidden;
    assert_int_equal(count_entries(sc->dir, &hidden), 2);
    assert_int_equal(hidden, 0);
    free(a);
    free(b);
    free(c);
    errors_release(&errs);
}

static void test_rename_error_is_cantcreat(void **state)
{
    scratch *sc = *state;
    char *a = path_in(sc, "a.md");
    bc_outset s;
    bc_errors errs;
    outset_init(&s);
    errors_init(&errs);
    FILE *fa;
    assert_int_equal(outset_open(&s, a, &fa, &errs), BC_OK);
    fputs("text\n", fa);
    /* Someone puts a non-empty directory where the file should go. */
    assert_int_equal(mkdir(a, 0777), 0);
    char *inner = path_in(sc, "a.md/keep");
    write_plain(inner, "k");
    assert_int_equal(outset_commit(&s, &errs), BC_EX_CANTCREAT);
    assert_true(errors_mention(&errs, "cannot create '"));
    size_t hidden;
    assert_int_equal(count_entries(sc->dir, &hidden), 1);
    assert_int_equal(hidden, 0);
    free(inner);
    free(a);
    errors_release(&errs);
}

static void test_unwritable_destination(void **state)
{
    scratch *sc = *state;
    char *file = path_in(sc, "file"), *under = path_in(sc, "file/x");
    char *deeper = path_in(sc, "file/x/README.md");
    write_plain(file, "a regular file\n");
    bc_outset s;
    bc_errors errs;
    outset_init(&s);
    errors_init(&errs);
    FILE *f = (FILE *)&s; /* must be reset to NULL on failure */

    assert_int_equal(outfile_mkdirs(under, &errs), BC_EX_CANTCREAT);
    assert_true(errors_mention(&errs, "cannot create directory '"));
    assert_true(errors_mention(&errs, "file/x"));
    assert_true(errors_mention(&errs, "Not a directory"));
    errors_release(&errs);

    assert_int_equal(outset_open(&s, deeper, &f, &errs), BC_EX_CANTCREAT);
    assert_null(f);
    assert_int_equal(s.n, 0);
    assert_true(errors_mention(&errs, "cannot create '"));
    errors_release(&errs);

    /* A destination that is a directory is refused up front. */
    assert_int_equal(outset_open(&s, sc->dir, &f, &errs), BC_EX_CANTCREAT);
    assert_int_equal(errs.code, BC_EX_CANTCREAT);
    errors_release(&errs);

    outset_abort(&s);
    char *t = slurp(file);
    assert_string_equal(t, "a regular file\n");
    free(t);
    size_t hidden;
    assert_int_equal(count_entries(sc->dir, &hidden), 1);
    assert_int_equal(hidden, 0);
    free(file);
    free(under);
    free(deeper);
}

static void test_mkdirs(void **state)
{
    scratch *sc = *state;
    char *deep = path_in(sc, "a/b//c/");
    char *c = path_in(sc, "a/b/c");
    bc_errors errs;
    errors_init(&errs);
    assert_int_equal(outfile_mkdirs(deep, &errs), BC_OK);
    struct stat st;
    assert_int_equal(stat(c, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    /* Existing directories are fine. */
    assert_int_equal(outfile_mkdirs(c, &errs), BC_OK);
    assert_int_equal(outfile_mkdirs(sc->dir, &errs), BC_OK);
    assert_int_equal(errs.n, 0);
    assert_int_equal(outfile_mkdirs("", &errs), BC_EX_CANTCREAT);
    errors_release(&errs);
    free(deep);
    free(c);
}

static void test_check_stream(void **state)
{
    (void)state;
    bc_errors errs;
    errors_init(&errs);

    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    fputs("fine\n", m);
    assert_int_equal(outfile_check_stream(m, "standard output", &errs), BC_OK);
    assert_int_equal(len, 5);
    fclose(m);
    free(buf);
    assert_int_equal(errs.n, 0);

    FILE *full = fopen("/dev/full", "w");
    assert_non_null(full);
    fputs("lost\n", full);
    assert_int_equal(outfile_check_stream(full, "standard output", &errs), BC_EX_IOERR);
    assert_int_equal(errs.n, 1);
    assert_string_equal(errs.items[0].msg, "cannot write standard output: No space left on device");
    errors_release(&errs);

    /* Past the buffer: the first failure happens inside fputs, not the flush. */
    for (int i = 0; i < 10000; i++)
        fputs("lost again ", full);
    assert_int_equal(outfile_check_stream(full, "standard output", &errs), BC_EX_IOERR);
    assert_string_equal(errs.items[0].msg, "cannot write standard output: No space left on device");
    fclose(full);
    errors_release(&errs);
}

/*
 * A stream whose error flag is set by something other than a write (here
 * a read from a write-only stream) with nothing left to flush: the flush
 * succeeds, the flag alone makes it an I/O error, EIO as no errno says
 * more ("Input/output error"), and the destination is not created.  A
 * destination with no file name part (a trailing '/') is refused as a
 * directory before anything is created.
 */
static void test_error_flag_and_trailing_slash(void **state)
{
    scratch *sc = *state;
    char *dest = path_in(sc, "out.csv"), *slash = path_in(sc, "sub/");
    bc_outset s;
    bc_errors errs;
    outset_init(&s);
    errors_init(&errs);
    FILE *f = NULL;

    assert_int_equal(outset_open(&s, dest, &f, &errs), BC_OK);
    fputs("a,b\n", f);
    assert_int_equal(fflush(f), 0);
    assert_int_equal(fgetc(f), EOF);
    assert_true(ferror(f));
    assert_int_equal(outset_commit(&s, &errs), BC_EX_IOERR);
    assert_int_equal(errs.n, 1);
    char want[4200];
    snprintf(want, sizeof want, "cannot write '%s': Input/output error", dest);
    assert_string_equal(errs.items[0].msg, want);
    size_t hidden;
    assert_int_equal(count_entries(sc->dir, &hidden), 0);
    errors_release(&errs);

    f = (FILE *)&s;
    assert_int_equal(outset_open(&s, slash, &f, &errs), BC_EX_CANTCREAT);
    assert_null(f);
    snprintf(want, sizeof want, "cannot create '%s': Is a directory", slash);
    assert_string_equal(errs.items[0].msg, want);
    assert_int_equal(count_entries(sc->dir, &hidden), 0);
    errors_release(&errs);
    outset_abort(&s);

    /* The same flag on standard output's stream. */
    FILE *w = fopen("/dev/null", "w");
    assert_non_null(w);
    assert_int_equal(fgetc(w), EOF);
    assert_int_equal(outfile_check_stream(w, "standard output", &errs), BC_EX_IOERR);
    assert_string_equal(errs.items[0].msg, "cannot write standard output: Input/output error");
    fclose(w);
    errors_release(&errs);
    free(dest);
    free(slash);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_commit_writes_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_commit_mode_follows_umask, setup, teardown),
        cmocka_unit_test_setup_teardown(test_abort_keeps_old_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_error_renames_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rename_error_is_cantcreat, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable_destination, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mkdirs, setup, teardown),
        cmocka_unit_test(test_check_stream),
        cmocka_unit_test_setup_teardown(test_error_flag_and_trailing_slash, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
