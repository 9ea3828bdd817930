"""Batches: several writes applied as one replacement of the data file."""


class Batch:
    """Collects puts and deletes and applies them together on ``commit()``."""

    _DELETE = object()

    def __init__(self, store):
        self._store = store
        self._changes = {}

    def put(self, key, value):
        self._changes[key] = value
        return self

    def delete(self, key):
        self._changes[key] = Batch._DELETE
        return self

    def commit(self):
        # Same lock as Store.put(): without it a concurrent put() can be lost (issue #1234).
        with self._store._lock:
            data = self._store._read()
            for key, value in self._changes.items():
                if value is Batch._DELETE:
                    data.pop(key, None)
                else:
                    data[key] = value
            self._store._replace(data)
        self._changes.clear()
