/*
 * render.c - gnuplot started without a shell (see render.h).
 */
#include "render.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Exit status of the child when exec fails: gnuplot is missing. */
#define RENDER_NO_GNUPLOT 127

/* One chart; returns BC_OK or the failure added to errs. */
static int render_one(const char *dir, const char *name, bc_errors *errs)
{
    char script[96];
    if (snprintf(script, sizeof script, "%s.gp", name) >= (int)sizeof script)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "chart name '%s' too long", name);
    int err[2];
    if (pipe(err) != 0)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "cannot create a pipe: %s",
                          strerror(errno));
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(err[0]);
        close(err[1]);
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "cannot start gnuplot: %s",
                          strerror(errno));
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(err[1], 2) < 0 ||
            chdir(dir) != 0)
            _exit(RENDER_NO_GNUPLOT - 1);
        close(err[0]);
        setenv("LC_ALL", "C", 1);
        execlp("gnuplot", "gnuplot", script, (char *)NULL);
        _exit(RENDER_NO_GNUPLOT);
    }
    close(err[1]);
    char first[256] = "";
    size_t kept = 0, total = 0;
    char buf[4096];
    ssize_t r;
    while ((r = read(err[0], buf, sizeof buf)) != 0) {
        if (r < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (ssize_t i = 0; i < r && kept + 1 < sizeof first; i++) {
            if (buf[i] == '\n' && kept > 0)
                break;
            if (buf[i] != '\n')
                first[kept++] = buf[i] == '\t' ? ' ' : buf[i];
        }
        if (kept && memchr(buf, '\n', (size_t)r))
            kept = sizeof first; /* first line complete: keep no more */
        total += (size_t)r;
    }
    first[strnlen(first, sizeof first - 1)] = '\0';
    close(err[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == RENDER_NO_GNUPLOT)
        return errors_add(errs, BC_EX_CANTCREAT, NULL, 0, 0,
                          "cannot run gnuplot for chart '%s' (install gnuplot-nox)", name);
    if (code != 0 || total > 0)
        return errors_add(errs, BC_EX_CANTCREAT, NULL, 0, 0,
                          "gnuplot failed on '%s/%s' (exit %d): '%s'", dir, script, code,
                          first);
    return BC_OK;
}

int render_charts(const char *dir, const char *const *names, size_t n, bc_errors *errs)
{
    int rc = BC_OK;
    for (size_t i = 0; i < n; i++) {
        int r = render_one(dir, names[i], errs);
        if (r > rc)
            rc = r;
    }
    return rc;
}
