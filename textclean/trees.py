"""The line model's trees: gradient-boosted tree ensembles as plain arrays, walked
by the optional C walker (`textclean/_walk.c`) or, where it is not built or
`TEXTCLEAN_PURE=1`, by numpy (the reference; `tests/test_walker.py` checks the two
leaf by leaf).
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from types import ModuleType

import numpy as np

_walk: ModuleType | None
try:  # the optional C walker (setup.py builds it where a compiler is present)
    _walk = importlib.import_module("textclean._walk")
except ImportError:  # pragma: no cover - pure-Python installs
    _walk = None

# TEXTCLEAN_PURE=1 walks the trees with numpy even where the C walker is built
_PURE = os.environ.get("TEXTCLEAN_PURE", "") not in ("", "0")
# rows walked at once: bounds the (rows x trees) arrays of the walk; 256 rows x 450
# trees of leaf values (0.9 MB) stay in cache, 2,048 (7.4 MB) did not: a big page's
# walk ran twice as fast per row with the smaller chunk
_CHUNK_ROWS = 256

@dataclass
class TreeEnsemble:
    """Gradient-boosted trees as arrays: node n of tree t sends x left if
    x[feature] <= threshold; leaves point to themselves, so a fixed number of
    steps reaches every leaf. `value` is added to the raw score of `klass`."""

    feature: np.ndarray  # (trees, nodes) int
    threshold: np.ndarray  # (trees, nodes) float
    left: np.ndarray  # (trees, nodes) int
    right: np.ndarray  # (trees, nodes) int
    value: np.ndarray  # (trees, nodes) float
    klass: np.ndarray  # (trees,) int
    baseline: np.ndarray  # (classes,)
    depth: int

    def __post_init__(self) -> None:
        # flat copies with global node numbers: 1-D `take` is much faster than 2-D indexing
        trees, width = self.feature.shape
        offset = (np.arange(trees) * width)[:, None]
        self._feature = self.feature.ravel()
        self._threshold = self.threshold.ravel()
        self._left = (self.left + offset).ravel()
        self._right = (self.right + offset).ravel()
        self._value = self.value.ravel()
        self._roots = offset.ravel().astype(np.intp)
        self._feature_i = self._feature.astype(np.intp)
        # children side by side, right first: child = kids[2 * node + (x <= threshold)]
        # costs one `take` a step instead of two and a `where`
        self._kids = np.stack([self._right, self._left], axis=1).ravel().astype(np.intp)
        # the C walker's packed nodes (see _walk.c): children local to their tree
        self._nodes = np.zeros(
            trees * width,
            dtype=np.dtype([("threshold", "<f8"), ("feature", "<i4"), ("left", "<u2"),
                            ("right", "<u2")]),
        )
        self._nodes["threshold"] = self._threshold
        self._nodes["feature"] = self._feature
        self._nodes["left"] = self.left.ravel()
        self._nodes["right"] = self.right.ravel()
        self._onehot = np.zeros((trees, len(self.baseline)))
        self._onehot[np.arange(trees), self.klass] = 1.0

    def raw(self, x: np.ndarray) -> np.ndarray:
        """Raw (pre-softmax) scores, shape (rows, classes): the C walker where it
        was built, else the numpy walk; both give the same leaves, and the sum over
        trees is the same numpy product, so the scores are bit-identical."""
        if len(x) == 0:
            return np.zeros((0, len(self.baseline)))
        walk = self.leaves if _walk is not None and not _PURE else self.leaves_numpy
        x = np.ascontiguousarray(x, dtype=np.float64)
        # rows in chunks: memory stays (chunk x trees), whatever the page's size
        parts = [
            self.baseline + walk(x[lo : lo + _CHUNK_ROWS]) @ self._onehot
            for lo in range(0, len(x), _CHUNK_ROWS)
        ]
        return parts[0] if len(parts) == 1 else np.vstack(parts)

    def leaves(self, x: np.ndarray) -> np.ndarray:
        """Leaf value of every (row, tree), walked in C."""
        assert _walk is not None
        x = np.ascontiguousarray(x, dtype=np.float64)
        out = np.empty((len(x), len(self._roots)))
        _walk.walk(x, x.shape[1], self._nodes, self._value, len(self._roots), self.depth, out)
        return out

    def leaves_numpy(self, x: np.ndarray) -> np.ndarray:
        """Leaf value of every (row, tree): all trees at once, one array step per
        level (the reference the C walker is checked against)."""
        n, width = x.shape
        flat_x = np.ascontiguousarray(x, dtype=np.float64).ravel()
        row_base = (np.arange(n, dtype=np.intp) * width)[:, None]
        node = np.broadcast_to(self._roots, (n, len(self._roots))).copy()
        for _ in range(self.depth):
            value = flat_x.take(row_base + self._feature_i.take(node))
            node = self._kids.take(2 * node + (value <= self._threshold.take(node)))
        return self._value.take(node)

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = self.raw(x)
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {
            f"{prefix}feature": self.feature.astype(np.int16),
            f"{prefix}threshold": self.threshold.astype(np.float64),
            f"{prefix}left": self.left.astype(np.int16),
            f"{prefix}right": self.right.astype(np.int16),
            f"{prefix}value": self.value.astype(np.float32),
            f"{prefix}klass": self.klass.astype(np.int8),
            f"{prefix}baseline": self.baseline.astype(np.float64),
            f"{prefix}depth": np.array(self.depth),
        }

    @classmethod
    def from_arrays(cls, data: dict[str, np.ndarray], prefix: str) -> TreeEnsemble:
        return cls(
            feature=data[f"{prefix}feature"].astype(np.int64),
            threshold=data[f"{prefix}threshold"].astype(np.float64),
            left=data[f"{prefix}left"].astype(np.int64),
            right=data[f"{prefix}right"].astype(np.int64),
            value=data[f"{prefix}value"].astype(np.float64),
            klass=data[f"{prefix}klass"].astype(np.int64),
            baseline=data[f"{prefix}baseline"].astype(np.float64),
            depth=int(data[f"{prefix}depth"]),
        )
