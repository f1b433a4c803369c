"""Cleaning many pages over worker processes, in input order, losing none.

Workers start once and stay warm: each builds (or inherits) the pipeline in its
initializer and then cleans chunks of pages. A worker hands back what the caller
asked for already finished -- a `Document`, or the output record already
serialised as JSON bytes -- so the parent only writes. At most `window` chunks
are in flight, so memory stays bounded however long the input is.

A page whose cleaning raises, or runs past `timeout` seconds, becomes a
`Failure` (with its source, record number and byte offset); a worker that dies
(killed, out of memory) fails the pages it held, a new pool takes over, and the
run goes on.

>>> docs = list(clean_many(["Home\\nA sentence long enough to be the article, it says.\\n", 7]))
Traceback (most recent call last):
...
textclean.parallel.CleaningError: record 2: InputError: expected str or bytes, got int
>>> [type(d).__name__ for d in clean_many(["Home\\n", 7], errors="record")]
['Document', 'Failure']
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Literal

from .models import Document
from .pipeline import Pipeline

ErrorPolicy = Literal["raise", "skip", "record"]


@dataclass(frozen=True, slots=True)
class Failure:
    """A page that could not be cleaned, and where it came from.

    >>> str(Failure(reason="TimeoutError: over 5 s", source="a.wet", number=3, offset=1024))
    'a.wet: record 3: byte 1024: TimeoutError: over 5 s'
    """

    reason: str
    source: str | None = None
    number: int | None = None
    offset: int | None = None
    id: str | None = None

    def __str__(self) -> str:
        where = [self.source] if self.source else []
        if self.number is not None:
            where.append(f"record {self.number}")
        if self.offset is not None:
            where.append(f"byte {self.offset}")
        return ": ".join([*where, self.reason])

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "record": self.number,
            "offset": self.offset,
            "id": self.id,
            "reason": self.reason,
        }


class CleaningError(RuntimeError):
    """Raised by `clean_many(errors="raise")`; `failure` says which page and why.

    >>> try:
    ...     list(clean_many([None]))
    ... except CleaningError as err:
    ...     print(err.failure.number, err.failure.reason)
    1 InputError: expected str or bytes, got NoneType
    """

    def __init__(self, failure: Failure) -> None:
        super().__init__(str(failure))
        self.failure = failure


@dataclass(frozen=True, slots=True)
class Job:
    """One page to clean: its text and the envelope that travels with it."""

    text: Any
    envelope: dict[str, Any] = field(default_factory=dict)
    where: Failure = field(default_factory=lambda: Failure(reason=""))


# What a worker does with a Document: return it, or turn it into output bytes.
Finisher = Callable[[Document, dict[str, Any], float], Any]


def _keep_document(doc: Document, envelope: dict[str, Any], seconds: float) -> Any:
    return doc


@dataclass(frozen=True)
class WorkerSpec:
    """What every worker needs: the pipeline, how to finish a Document, the time limit."""

    pipeline: Pipeline
    finish: Finisher = _keep_document
    timeout: float | None = None


# (True, result) or (False, reason), with the seconds the page took
Outcome = tuple[bool, Any, float]

_SPEC: WorkerSpec | None = None


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` in a
    filter can swallow it."""


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _init_worker(spec: WorkerSpec) -> None:
    global _SPEC
    _SPEC = spec
    # Ctrl-C is the parent's to handle; a worker that dies of it would fail its pages
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _ping() -> bool:
    return _SPEC is not None


def _clean_one(spec: WorkerSpec, job: tuple[Any, dict[str, Any]]) -> Outcome:
    text, envelope = job
    started = time.perf_counter()
    timed = (
        spec.timeout is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    try:
        if timed:
            previous = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, spec.timeout)  # type: ignore[arg-type]
        try:
            doc = spec.pipeline.run(text)
            seconds = time.perf_counter() - started
            return True, spec.finish(doc, envelope, seconds), seconds
        finally:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
    except _Timeout:
        return False, f"TimeoutError: took more than {spec.timeout} s", spec.timeout or 0.0
    except Exception as err:  # one bad page must not end a million-page job
        return False, f"{type(err).__name__}: {err}", time.perf_counter() - started


def _run_chunk(chunk: list[tuple[Any, dict[str, Any]]]) -> list[Outcome]:
    assert _SPEC is not None, "worker not initialised"
    return [_clean_one(_SPEC, job) for job in chunk]


def _in_spawned_child_importing_main() -> bool:
    """True inside a spawn/forkserver worker that is re-importing the user's script:
    a script without an `if __name__ == "__main__":` guard lands here."""
    main = sys.modules.get("__main__")
    return (
        multiprocessing.parent_process() is not None
        and getattr(main, "__name__", None) == "__mp_main__"
    )


def default_start_method() -> str:
    """`fork` on Linux while the process has one thread (workers start at once,
    share the loaded model, and a script needs no `__main__` guard); otherwise
    `forkserver` or `spawn`, which need the guard (`clean_many` says so)."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


_GUARD_HINT = (
    "worker processes could not start. With the '{method}' start method every worker "
    "re-imports the main script, so a script that calls clean_many(jobs>1) must do it "
    'under `if __name__ == "__main__":` (or use start_method="fork" on Linux)'
)


@dataclass
class _Chunk:
    jobs: list[Job]
    future: Future[list[Outcome]] | None = None
    attempts: int = 0


class WorkerPool:
    """Warm worker processes that clean chunks of jobs, results in input order.

    `jobs=1` cleans in this process (no pool, same results).
    """

    def __init__(
        self,
        spec: WorkerSpec,
        *,
        jobs: int,
        start_method: str | None = None,
        chunk_size: int = 8,
        chunk_bytes: int = 1 << 20,
        window: int | None = None,
    ) -> None:
        self.spec = spec
        self.jobs = max(1, jobs)
        self.start_method = start_method or default_start_method()
        self.chunk_size = chunk_size
        self.chunk_bytes = chunk_bytes
        self.window = window or 4 * self.jobs
        self.restarts = 0
        self._executor: ProcessPoolExecutor | None = None

    # -- the pool's life ---------------------------------------------------
    def _start(self) -> ProcessPoolExecutor:
        if _in_spawned_child_importing_main():
            raise RuntimeError(_GUARD_HINT.format(method=self.start_method))
        executor = ProcessPoolExecutor(
            self.jobs,
            mp_context=multiprocessing.get_context(self.start_method),
            initializer=_init_worker,
            initargs=(self.spec,),
        )
        try:  # every worker answers once, or start-up itself is broken
            for ping in [executor.submit(_ping) for _ in range(self.jobs)]:
                ping.result(timeout=300)
        except (BrokenProcessPool, TimeoutError) as err:
            executor.shutdown(wait=False, cancel_futures=True)
            raise RuntimeError(_GUARD_HINT.format(method=self.start_method)) from err
        return executor

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> WorkerPool:
        if self.jobs > 1:
            self._executor = self._start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the work ----------------------------------------------------------
    def _chunks(self, jobs: Iterable[Job]) -> Iterator[list[Job]]:
        chunk: list[Job] = []
        size = 0
        for job in jobs:
            chunk.append(job)
            size += len(job.text) if isinstance(job.text, str | bytes) else 0
            if len(chunk) >= self.chunk_size or size >= self.chunk_bytes:
                yield chunk
                chunk, size = [], 0
        if chunk:
            yield chunk

    def _submit(self, chunk: _Chunk) -> None:
        assert self._executor is not None
        chunk.future = self._executor.submit(_run_chunk, [(j.text, j.envelope) for j in chunk.jobs])

    def run(self, jobs: Iterable[Job]) -> Iterator[tuple[Job, Outcome]]:
        """Every job with its outcome, in input order."""
        if self.jobs <= 1 or self._executor is None:
            for job in jobs:
                yield job, _clean_one(self.spec, (job.text, job.envelope))
            return
        pending: deque[_Chunk] = deque()
        source = self._chunks(jobs)
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.window:
                try:
                    chunk = _Chunk(next(source))
                except StopIteration:
                    exhausted = True
                    break
                self._submit(chunk)
                pending.append(chunk)
            if not pending:
                return
            head = pending[0]
            assert head.future is not None
            try:
                outcomes = head.future.result()
            except BrokenProcessPool:
                self._recover(pending)
                continue
            except Exception:  # e.g. a page that cannot be pickled to a worker:
                # clean this chunk here, page by page, so only the bad page fails
                outcomes = [_clean_one(self.spec, (j.text, j.envelope)) for j in head.jobs]
            pending.popleft()
            yield from zip(head.jobs, outcomes, strict=True)

    def _recover(self, pending: deque[_Chunk]) -> None:
        """A worker died: chunks it may have held are tried once more in a new pool;
        a chunk in flight during two deaths is failed page by page."""
        self.close_broken()
        self.restarts += 1
        if self.restarts > 10:
            raise RuntimeError("worker processes keep dying; stopping after 10 restarts")
        self._executor = self._start()
        for chunk in pending:
            done = chunk.future is not None and chunk.future.done() and not chunk.future.exception()
            if done:
                continue
            chunk.attempts += 1
            if chunk.attempts >= 2:
                dead: Future[list[Outcome]] = Future()
                dead.set_result(
                    [(False, "worker process died while cleaning this chunk", 0.0)]
                    * len(chunk.jobs)
                )
                chunk.future = dead
            else:
                self._submit(chunk)

    def close_broken(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None


def clean_many(
    texts: Iterable[Any],
    *,
    pipeline: Pipeline | None = None,
    jobs: int = 1,
    errors: ErrorPolicy = "raise",
    timeout: float | None = None,
    start_method: str | None = None,
    workers: int | None = None,
) -> Iterator[Document | Failure]:
    """Clean pages (str or bytes) in input order over `jobs` warm worker processes.

    `errors`: "raise" stops at the first page that fails (`CleaningError`),
    "skip" leaves it out, "record" yields a `Failure` in its place. `timeout`
    (seconds) bounds each page. `workers` is the old name of `jobs`.

    >>> page = "Home\\nA sentence long enough to be the article, it really says so.\\n"
    >>> [d.article.text[:10] for d in clean_many([page] * 3, jobs=2)]
    ['A sentence', 'A sentence', 'A sentence']
    """
    if workers is not None:
        jobs = workers
    if pipeline is None:
        from . import _default  # the package's shared default pipeline, built once

        pipeline = _default()
    spec = WorkerSpec(pipeline, timeout=timeout)
    feed = (
        Job(text, {}, Failure(reason="", number=n)) for n, text in enumerate(texts, start=1)
    )
    with WorkerPool(spec, jobs=jobs, start_method=start_method) as pool:
        for job, (ok, result, _) in pool.run(feed):
            if ok:
                yield result
                continue
            failure = Failure(reason=result, number=job.where.number)
            if errors == "raise":
                raise CleaningError(failure)
            if errors == "record":
                yield failure
