// run262: running one engine process with a time limit, and judging its
// outcome against the test's metadata.
//
// The engine protocol (what `ochre run --test262` and the node host shim
// both follow): exit status 0 when the script completed; otherwise the
// first error on stderr is either `Uncaught NAME: message` (an uncaught
// exception whose constructor is NAME) or a compile diagnostic
// `FILE:L:C: error[Ennnn]: ...` (a parse-phase SyntaxError, the way
// `ochre check` renders it). print() writes a line to stdout.
#include "run262.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct Capture {
    char *data;
    size_t len;
} Capture;

// Reads what is available on fd; keeps the first T262_CAPTURE bytes and
// drains the rest (so a chatty child never blocks on a full pipe). Returns
// false at end of file.
static bool drain(int fd, Capture *c) {
    char buf[8192];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) return errno == EINTR || errno == EAGAIN;
    if (n == 0) return false;
    size_t room = T262_CAPTURE - c->len;
    size_t take = (size_t)n < room ? (size_t)n : room;
    memcpy(c->data + c->len, buf, take);
    c->len += take;
    return true;
}

void t262_exec(char *const argv[], double timeout_s, T262Exec *res) {
    memset(res, 0, sizeof *res);
    Capture cap[2] = {{t262_xmalloc(T262_CAPTURE + 1), 0}, {t262_xmalloc(T262_CAPTURE + 1), 0}};
    int pipes[2][2] = {{-1, -1}, {-1, -1}};
    double start = now_seconds();
    pid_t pid = -1;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    // O_CLOEXEC: pipes of other workers' children must not leak into this
    // child, or their readers would never see end of file.
    if (pipe2(pipes[0], O_CLOEXEC) != 0 || pipe2(pipes[1], O_CLOEXEC) != 0) goto spawn_fail;
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, pipes[0][1], 1);
    posix_spawn_file_actions_adddup2(&fa, pipes[1][1], 2);
    if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0) goto spawn_fail;
    close(pipes[0][1]);
    close(pipes[1][1]);
    pipes[0][1] = pipes[1][1] = -1;

    bool open[2] = {true, true};
    while (open[0] || open[1]) {
        double left = timeout_s - (now_seconds() - start);
        if (left <= 0) {
            res->timed_out = true;
            kill(pid, SIGKILL);
            break;
        }
        struct pollfd pf[2];
        int nf = 0, which[2];
        for (int k = 0; k < 2; k++) {
            if (!open[k]) continue;
            pf[nf] = (struct pollfd){.fd = pipes[k][0], .events = POLLIN};
            which[nf++] = k;
        }
        int pr = poll(pf, (nfds_t)nf, (int)(left * 1000) + 1);
        if (pr < 0 && errno != EINTR) break;
        for (int i = 0; i < nf && pr > 0; i++)
            if (pf[i].revents) open[which[i]] = drain(pf[i].fd, &cap[which[i]]);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) {
        res->exit_code = WEXITSTATUS(status);
    } else {
        res->exit_code = -1;
        res->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
    goto done;

spawn_fail:
    res->spawn_failed = true;
    res->exit_code = -1;
done:
    posix_spawn_file_actions_destroy(&fa);
    for (int k = 0; k < 2; k++)
        for (int e = 0; e < 2; e++)
            if (pipes[k][e] >= 0) close(pipes[k][e]);
    cap[0].data[cap[0].len] = 0;
    cap[1].data[cap[1].len] = 0;
    res->out = cap[0].data;
    res->err = cap[1].data;
    res->seconds = now_seconds() - start;
}

void t262_exec_free(T262Exec *res) {
    free(res->out);
    free(res->err);
    res->out = res->err = NULL;
}

// ---------------------------------------------------------------------------
// Verdict.

static bool is_ident(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$';
}

// The first line of s (at most 200 bytes), malloc'd.
static char *first_line(const char *s) {
    while (*s == '\n') s++;
    size_t n = strcspn(s, "\n");
    if (n > 200) n = 200;
    return t262_xstrndup(s, n);
}

// Is there a compile diagnostic (`: error[E`) at the start of stderr?
static bool has_diagnostic(const char *err) {
    const char *nl = strchr(err, '\n');
    const char *d = strstr(err, ": error[E");
    return d && (!nl || d < nl);
}

// The error name reported on stderr ("SyntaxError" for a diagnostic), or
// "" when none is recognisable. out has room for 64 bytes.
static void error_name(const char *err, char out[64]) {
    out[0] = 0;
    if (has_diagnostic(err)) {
        strcpy(out, "SyntaxError");
        return;
    }
    for (const char *line = err; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        if (strncmp(line, "Uncaught ", 9) != 0) continue;
        const char *p = line + 9;
        size_t n = 0;
        while (is_ident(p[n]) && n < 63) n++;
        memcpy(out, p, n);
        out[n] = 0;
        return;
    }
}

static bool sanitizer_report(const char *err) {
    return strstr(err, "ERROR: AddressSanitizer") || strstr(err, "ERROR: LeakSanitizer") ||
           strstr(err, "runtime error: ");
}

static const char *phase_name(T262Phase p) {
    switch (p) {
    case T262_PHASE_PARSE: return "parse";
    case T262_PHASE_RESOLUTION: return "resolution";
    case T262_PHASE_RUNTIME: return "runtime";
    default: return "none";
    }
}

char *t262_judge(const T262Meta *m, const T262Exec *r) {
    if (r->spawn_failed) return t262_xstrndup("cannot start the engine command", 31);
    if (r->timed_out) return t262_xprintf("timeout after %.1f s", r->seconds);
    if (sanitizer_report(r->err)) {
        const char *s = strstr(r->err, "ERROR: ");
        if (!s) s = strstr(r->err, "runtime error: ");
        char *l = first_line(s);
        char *res = t262_xprintf("sanitizer: %s", l);
        free(l);
        return res;
    }
    if (r->signal) return t262_xprintf("crashed: signal %d (%s)", r->signal, strsignal(r->signal));
    if (strstr(r->out, "Test262:AsyncTestFailure")) {
        char *l = first_line(strstr(r->out, "Test262:AsyncTestFailure"));
        return l;
    }
    char name[64];
    error_name(r->err, name);
    if (m->phase != T262_PHASE_NONE) {
        if (r->exit_code == 0)
            return t262_xprintf("expected %s (%s phase), completed normally", m->type,
                                phase_name(m->phase));
        // Only parse and resolution errors come before any evaluation; a
        // diagnostic means the source was rejected before running.
        bool before_eval = r->out[0] == 0;
        bool diag = has_diagnostic(r->err);
        bool phase_ok = m->phase == T262_PHASE_RUNTIME ? !diag : before_eval;
        if (strcmp(name, m->type) == 0 && phase_ok) return NULL;
        char *l = first_line(r->err);
        char *res = t262_xprintf("expected %s (%s phase), got %s%s", m->type, phase_name(m->phase),
                                 l[0] ? l : "no error message",
                                 strcmp(name, m->type) == 0 ? " (wrong phase)" : "");
        free(l);
        return res;
    }
    if (r->exit_code != 0) {
        char *l = first_line(r->err);
        char *res = l[0] ? l : t262_xprintf("exit status %d, nothing on stderr", r->exit_code);
        if (res != l) free(l);
        return res;
    }
    if ((m->flags & T262_F_ASYNC) && !strstr(r->out, "Test262:AsyncTestComplete"))
        return t262_xstrndup("async test did not print Test262:AsyncTestComplete", 51);
    return NULL;
}
