"""The store: one JSON data file per directory, replaced atomically on every write."""

import json
import os
import tempfile

from kvstore.lock import FileLock

DATA_FILE = "data.json"


class Store:
    """A key-value store kept in ``<directory>/data.json``.

    Readers never lock: the data file is always replaced atomically, so a reader sees either
    the old or the new file. Writers hold ``FileLock`` for the whole read-modify-write cycle,
    otherwise two concurrent writers can each write back their own copy and lose the other's
    change (issue #1234).
    """

    def __init__(self, directory):
        self.directory = directory
        self._lock = FileLock(directory)
        os.makedirs(directory, exist_ok=True)

    def get(self, key, default=None):
        return self._read().get(key, default)

    def put(self, key, value):
        with self._lock:
            data = self._read()
            data[key] = value
            self._replace(data)

    def delete(self, key):
        with self._lock:
            data = self._read()
            if data.pop(key, None) is not None:
                self._replace(data)

    def compact(self):
        with self._lock:
            data = {k: v for k, v in self._read().items() if v is not None}
            self._replace(data)

    def _read(self):
        try:
            with open(os.path.join(self.directory, DATA_FILE), encoding="utf-8") as f:
                return json.load(f)
        except FileNotFoundError:
            return {}

    def _replace(self, data):
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".data-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, sort_keys=True)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, os.path.join(self.directory, DATA_FILE))
