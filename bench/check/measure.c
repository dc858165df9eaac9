// Runs a command and prints its whole-process cost on one line:
//
//   measure CMD [ARGS...]  ->  WALL_S <TAB> PEAK_RSS_KIB <TAB> EXIT_STATUS <TAB> CPU_S
//
// The command's stdout and stderr go to /dev/null (output is produced, then
// discarded, the same way for every tool). Wall time is measured around
// fork/exec/wait; the peak resident set size and the CPU time (user +
// system, all threads) come from wait4's rusage of the child, as GNU time
// reports them.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs("usage: measure CMD [ARGS...]\n", stderr);
        return 2;
    }
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("measure: fork");
        return 2;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("measure: wait4");
        return 2;
    }
    double wall = now() - t0;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
                 (double)ru.ru_stime.tv_usec / 1e6;
    printf("%.4f\t%ld\t%d\t%.4f\n", wall, ru.ru_maxrss, code, cpu);
    return 0;
}
