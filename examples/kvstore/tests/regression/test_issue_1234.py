"""Regression test for upstream-org/kvstore#1234: concurrent writes lost an update."""

import multiprocessing

from kvstore import Store


def _writer(directory, barrier, key, value):
    store = Store(directory)
    barrier.wait()  # both processes start their put() at the same moment
    store.put(key, value)


def test_concurrent_puts_keep_both_keys(tmp_path):
    barrier = multiprocessing.Barrier(2)
    workers = [
        multiprocessing.Process(target=_writer, args=(str(tmp_path), barrier, "email", "new@example.com")),
        multiprocessing.Process(target=_writer, args=(str(tmp_path), barrier, "phone", "555-1234")),
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=30)
        assert w.exitcode == 0

    store = Store(str(tmp_path))
    assert store.get("email") == "new@example.com", "email update lost"
    assert store.get("phone") == "555-1234", "phone update lost"
