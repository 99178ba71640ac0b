/* runstat.c — run a command and report what it cost, for `make bench`:
 * wall-clock time, CPU time (user + system, including the command's own
 * children) and peak resident set size, read from wait4's rusage. Works on
 * machines without GNU time. The command's stdout and stderr pass through;
 * the figures go to stderr as one line:
 *   runstat: wall=1.234 cpu=1.100 maxrss_kb=45678 status=0
 * usage: runstat COMMAND [ARG...]    exits with the command's status. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Return a timeval as seconds. */
static double
seconds(struct timeval tv)
{
	return tv.tv_sec + tv.tv_usec / 1e6;
}

/* Run argv[1..] as a child, wait for it, print its costs. */
int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: runstat COMMAND [ARG...]\n");
		return 2;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0) {
		perror("runstat: fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		fprintf(stderr, "runstat: %s: %s\n", argv[1], strerror(errno));
		_exit(127);
	}
	int status = 0;
	struct rusage ru;
	memset(&ru, 0, sizeof ru);
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("runstat: wait4");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double wall = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	double cpu = seconds(ru.ru_utime) + seconds(ru.ru_stime);
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	fprintf(stderr, "runstat: wall=%.3f cpu=%.3f maxrss_kb=%ld status=%d\n", wall, cpu,
	    ru.ru_maxrss, code);
	return code;
}
