"""Inter-process lock on a store directory."""

import fcntl
import os


class FileLock:
    """An exclusive ``fcntl.flock`` on ``<store>/.lock``, usable as a context manager.

    Advisory: it only excludes other kvstore writers, which is all the store needs.
    The lock is released when the ``with`` block ends or the process exits.
    """

    def __init__(self, directory):
        self._path = os.path.join(directory, ".lock")
        self._fd = None

    def __enter__(self):
        self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None
        return False
