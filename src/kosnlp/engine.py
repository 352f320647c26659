"""Engines that run annotate's tasks (one chunk of sentence units each) and give back
their results in task order.

- local, n_process=1: in this process;
- local, n_process=N: N worker processes forked from this one (they inherit the
  pipelines already loaded here);
- dask: a dask.distributed cluster, at `scheduler` (e.g. "tcp://host:8786") or a
  LocalCluster of N single-threaded worker processes started for the run.

Every engine calls `tasks.run_task` on the same tasks, so the records are the
same bytes in the same order. At most `window` tasks are in flight: the input is read
lazily and finished results are written at once, so memory does not grow with input.
"""
from __future__ import annotations

import logging
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext

from .tasks import Result, Task, run_task
from .errors import KosnlpError

ENGINES = ("local", "dask")

_LOADER: Callable | None = None  # the loader of the forked local workers (set before forking)
_LOCK = threading.Lock()  # one task at a time per process: the pipelines are not thread-safe


def work(task: Task, loader: Callable | None = None) -> Result:
    """Annotate one task in a worker (the pipeline is loaded once per process)."""
    with _LOCK:
        return run_task(task, (loader or _LOADER)(task.lang))


def ordered(submit: Callable, tasks: Iterable[Task], window: int) -> Iterator[Result]:
    """Submit tasks, keeping at most `window` in flight; results in task order."""
    pending: deque = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _local(loader: Callable) -> Callable[[Iterable[Task]], Iterator[Result]]:
    def run(tasks):
        for task in tasks:
            yield run_task(task, loader(task.lang))
    return run


@contextmanager
def _processes(loader: Callable, n: int):
    global _LOADER
    _LOADER = loader
    pool = None

    def submit(task):
        nonlocal pool
        if pool is None:
            loader(task.lang)  # load (and check) the first pipeline here: the forked workers inherit it
            import multiprocessing  # imported by a run with workers only
            from concurrent.futures import ProcessPoolExecutor
            pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork"))
        return pool.submit(work, task)
    try:
        yield lambda tasks: ordered(submit, tasks, 4 * n)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        _LOADER = None


class Interrupts:
    """Ctrl-C kept until the run can act on it. Python raises KeyboardInterrupt wherever the
    main thread is, and when that is a finaliser (a dask future released during garbage
    collection) the exception is printed as "Exception ignored" with a traceback and lost,
    so the run went on and replaced OUT after the user had pressed Ctrl-C. While this is
    active, every SIGINT is also recorded, a lost one is not printed, and `check()` raises
    it again at the points where the run may stop (after each result, before OUT is
    replaced)."""

    def __init__(self):
        self.seen = False

    def check(self) -> None:
        if self.seen:
            raise KeyboardInterrupt

    def _signal(self, signum, frame):
        self.seen = True
        raise KeyboardInterrupt

    def _unraisable(self, hook):
        def unraisable(u):
            if not (self.seen and isinstance(u.exc_value, KeyboardInterrupt)):
                hook(u)
        return unraisable


@contextmanager
def interrupts() -> Iterator[Interrupts]:
    """An `Interrupts` for the block (outside the main thread, one that never sees a signal)."""
    state = Interrupts()
    if threading.current_thread() is not threading.main_thread():
        yield state
        return
    handler = signal.getsignal(signal.SIGINT)
    hook = sys.unraisablehook
    if handler is signal.default_int_handler:  # not when SIGINT is ignored
        signal.signal(signal.SIGINT, state._signal)
    sys.unraisablehook = state._unraisable(hook)
    try:
        yield state
    finally:
        signal.signal(signal.SIGINT, handler)
        sys.unraisablehook = hook


@contextmanager
def _sigint_ignored():
    """Ctrl-C reaches every process of the terminal's process group. While a local cluster
    starts (a few seconds), SIGINT is ignored: the worker processes started meanwhile
    inherit that (the cluster stops them; an interrupt in the middle of their start printed
    tracebacks), and the cluster is never left half-built (its exit handler then failed).
    Once the cluster runs, Ctrl-C stops the run cleanly."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler)


@contextmanager
def _dask(loader: Callable, n: int, scheduler: str | None):
    cluster = None
    if scheduler:
        from distributed import Client
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as e:
            raise KosnlpError("KOS-E702", f"cannot reach the dask scheduler ({e})".splitlines()[0],
                              where=scheduler,
                              hint="start `dask scheduler` and `dask worker`, or leave out --scheduler") from None
    else:
        with _sigint_ignored():
            from distributed import Client, LocalCluster
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, silence_logs=logging.CRITICAL)
            client = Client(cluster)
    try:
        with client:
            workers = client.scheduler_info()["workers"].values()
            window = 4 * max(n, sum(w["nthreads"] for w in workers))
            yield lambda tasks: ordered(lambda t: client.submit(work, t, loader, pure=False), tasks, window)
    finally:
        if cluster is not None:
            cluster.close()


def make_engine(engine: str, loader: Callable, n_process: int = 1, scheduler: str | None = None):
    """A context manager giving `run(tasks) -> results in order`."""
    if engine not in ENGINES:
        raise KosnlpError("KOS-E701", f"unknown engine {engine!r}", where="--engine", hint="use local or dask")
    if n_process < 1:
        raise KosnlpError("KOS-E701", f"n_process must be at least 1, not {n_process}", where="--n-process")
    if scheduler and engine != "dask":
        raise KosnlpError("KOS-E701", "a scheduler address needs the dask engine", where="--scheduler",
                          hint="add --engine dask")
    if engine == "dask":
        return _dask(loader, n_process, scheduler)
    if n_process == 1:
        return nullcontext(_local(loader))
    return _processes(loader, n_process)
