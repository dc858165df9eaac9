// Promise job queue (HostEnqueuePromiseJob) and en_run_jobs. Jobs are
// records (fn, argc, args...) in the VM's queue array, traced as roots.
#include "vm_int.h"
#include "weakref_int.h"

bool en_enqueue_job(EnContext *cx, EnValue fn, uint32_t argc, const EnValue *argv) {
    EnVM *vm = cx->rt->vm;
    uint32_t need = vm->jobs_len + 2 + argc;
    if (need > vm->jobs_cap) {
        uint32_t ncap = vm->jobs_cap ? vm->jobs_cap * 2 : 64;
        while (ncap < need) ncap *= 2;
        vm->jobs = och_realloc(vm->jobs, ncap * sizeof(EnValue));
        vm->jobs_cap = ncap;
    }
    vm->jobs[vm->jobs_len++] = fn;
    vm->jobs[vm->jobs_len++] = en_int32((int32_t)argc);
    for (uint32_t i = 0; i < argc; i++) vm->jobs[vm->jobs_len++] = argv[i];
    return true;
}

EnStatus en_run_jobs(EnContext *cx) {
    EnVM *vm = cx->rt->vm;
    // The job that just ended (the script, or a macrotask): WeakRef targets
    // kept for it are released and FinalizationRegistry cleanups queued.
    if (!en_weak_after_job(cx)) return EN_STATUS_EXCEPTION;
    while (vm->jobs_head < vm->jobs_len) {
        EnValue fn = vm->jobs[vm->jobs_head];
        uint32_t argc = (uint32_t)en_as_int32(vm->jobs[vm->jobs_head + 1]);
        uint32_t at = vm->jobs_head + 2;
        // Copy the arguments onto the VM stack: the queue may grow (move)
        // while the job runs.
        EnValue *args = vm->sp;
        if (vm->sp + argc + 1 > vm->stack_end) return EN_STATUS_EXCEPTION;
        args[argc] = fn;
        for (uint32_t i = 0; i < argc; i++) args[i] = vm->jobs[at + i];
        vm->sp += argc + 1;
        vm->jobs_head = at + argc;
        EnValue r = en_call(cx, fn, EN_UNDEFINED, argc, args);
        vm->sp = args;
        if (vm->jobs_head == vm->jobs_len) vm->jobs_head = vm->jobs_len = 0;
        if (r == EN_EXCEPTION) return cx->terminating ? EN_STATUS_TERMINATED : EN_STATUS_EXCEPTION;
        if (!en_weak_after_job(cx)) return EN_STATUS_EXCEPTION;
    }
    vm->jobs_head = vm->jobs_len = 0;
    return EN_STATUS_OK;
}
