"""Stress test: many processes incrementing counters through put() and Batch.commit()."""

import multiprocessing
import os

from kvstore import Batch, Store

PROCESSES = 8
ROUNDS = int(os.environ.get("KVSTORE_STRESS_ROUNDS", "25"))


def _increment(directory, worker):
    store = Store(directory)
    for i in range(ROUNDS):
        key = "counter-%d" % (i % 4)
        if (worker + i) % 2:
            with store._lock:
                store._replace({**store._read(), key: store.get(key, 0) + 1})
        else:
            Batch(store).put("seen-%d-%d" % (worker, i), True).commit()


def test_no_update_is_lost(tmp_path):
    workers = [multiprocessing.Process(target=_increment, args=(str(tmp_path), w)) for w in range(PROCESSES)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)

    store = Store(str(tmp_path))
    seen = [k for k in store._read() if k.startswith("seen-")]
    counted = sum(store.get("counter-%d" % c, 0) for c in range(4))
    assert len(seen) + counted == PROCESSES * ROUNDS
