"""kvstore: a small file-backed key-value store."""

from kvstore.batch import Batch
from kvstore.store import Store

__all__ = ["Batch", "Store"]
__version__ = "0.9.3.dev0"
