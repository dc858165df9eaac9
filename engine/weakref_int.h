// Weak references' interface to the job loop (ES2025 §9.10, §26.2).
// Owner: collections helper (builtins/bi_weak_ref.c).
#ifndef OCHRE_ENGINE_WEAKREF_INT_H
#define OCHRE_ENGINE_WEAKREF_INT_H

#include "runtime_int.h"

// To call after each job (the script, each promise job) and after a
// collection the host triggered: ClearKeptObjects (targets of WeakRef
// deref / new WeakRef may die from now on), then one cleanup job per
// FinalizationRegistry whose cells were cleared by a collection
// (HostEnqueueFinalizationRegistryCleanupJob, through en_enqueue_job).
// False with an exception pending on heap limit.
bool en_weak_after_job(EnContext *cx);

// CanBeHeldWeakly(v): objects and symbols that are not registered.
bool en_can_be_held_weakly(EnValue v);

#endif
