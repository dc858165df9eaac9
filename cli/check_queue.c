// Work queue over pthreads (see check_queue.h).
//
// Workers take the next position in the start order from an atomic counter,
// so the threads balance themselves. Completion is
// recorded under one mutex; the calling thread waits for the next item in
// order and consumes it outside the lock.
#include "check_queue.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <unistd.h>

#include "base.h"

#define WORKER_STACK (64u * 1024 * 1024)  // virtual; only touched pages cost memory

typedef struct Queue {
    uint32_t n;
    const uint32_t *order;  // start order, or NULL
    ChkWorkFn work;
    void *ctx;
    atomic_uint next;  // next item to start
    pthread_mutex_t lock;
    pthread_cond_t cond;
    uint8_t *done;     // done[i]: work(i) returned (under lock)
} Queue;

static void *worker(void *arg) {
    Queue *q = arg;
    for (;;) {
        uint32_t k = atomic_fetch_add(&q->next, 1);
        if (k >= q->n) return NULL;
        uint32_t i = q->order ? q->order[k] : k;
        q->work(q->ctx, i);
        pthread_mutex_lock(&q->lock);
        q->done[i] = 1;
        pthread_cond_broadcast(&q->cond);
        pthread_mutex_unlock(&q->lock);
    }
}

void chk_queue_run(uint32_t n, uint32_t threads, const uint32_t *order, ChkWorkFn work, ChkDoneFn done,
                   void *ctx) {
    if (threads > n) threads = n;
    if (threads <= 1) {
        for (uint32_t i = 0; i < n; i++) {
            work(ctx, i);
            done(ctx, i);
        }
        return;
    }
    Queue q = {.n = n, .order = order, .work = work, .ctx = ctx};
    atomic_init(&q.next, 0);
    pthread_mutex_init(&q.lock, NULL);
    pthread_cond_init(&q.cond, NULL);
    q.done = och_calloc(n, 1);
    pthread_t *tids = och_malloc(threads * sizeof *tids);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, WORKER_STACK);
    uint32_t started = 0;
    for (; started < threads; started++)
        if (pthread_create(&tids[started], &attr, worker, &q) != 0) break;
    pthread_attr_destroy(&attr);
    if (started == 0) worker(&q);  // no thread at all: do the work here

    for (uint32_t i = 0; i < n; i++) {
        pthread_mutex_lock(&q.lock);
        while (!q.done[i]) pthread_cond_wait(&q.cond, &q.lock);
        pthread_mutex_unlock(&q.lock);
        done(ctx, i);
    }
    for (uint32_t t = 0; t < started; t++) pthread_join(tids[t], NULL);
    och_free(tids);
    och_free(q.done);
    pthread_mutex_destroy(&q.lock);
    pthread_cond_destroy(&q.cond);
}

uint32_t chk_cpu_count(void) {
    // The CPUs this process may run on (taskset, cgroup cpusets), else all
    // online ones.
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int n = CPU_COUNT(&set);
        if (n > 0) return (uint32_t)n;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (uint32_t)n : 1;
}
