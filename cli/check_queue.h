// A work queue for `ochre check`: n items processed by a pool of threads,
// with results handed back on the calling thread in item order, as soon as
// every earlier item is done (so output streams and stays deterministic).
#ifndef OCHRE_CLI_CHECK_QUEUE_H
#define OCHRE_CLI_CHECK_QUEUE_H

#include <stdint.h>

// Processes item i (on some worker thread). Items are independent.
typedef void (*ChkWorkFn)(void *ctx, uint32_t i);
// Consumes item i (on the calling thread), called for i = 0, 1, ... n-1
// in order, each after work(ctx, i) returned.
typedef void (*ChkDoneFn)(void *ctx, uint32_t i);

// Runs the queue with `threads` workers (1: everything on the calling
// thread, no threads created; 0 is taken as 1). Items are started in the
// order given by `order` (a permutation of 0..n-1, borrowed; NULL: 0, 1,
// ...), e.g. largest first so that a big file does not start last and run
// alone; they are still consumed in index order. Workers get large stacks
// (the parser and analyzer recurse up to their nesting limits). Returns when
// every item was consumed. If threads cannot be created, the remaining work
// runs on the calling thread.
void chk_queue_run(uint32_t n, uint32_t threads, const uint32_t *order, ChkWorkFn work, ChkDoneFn done,
                   void *ctx);

// Number of processors this process may run on (its CPU affinity; at least 1).
uint32_t chk_cpu_count(void);

#endif
