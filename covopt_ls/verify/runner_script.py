"""Runs inside the project's interpreter (never imported by the server): measures candidates.

Usage: `python runner_script.py CONFIG.json`. It must work with only the standard library,
pytest and coverage installed, on older Pythons too, so it imports nothing from covopt_ls.

The parent imports pytest and coverage once, then forks one child per run: each child starts
from the same clean state (no module imported by an earlier candidate, no state it left), runs
one candidate file with pytest under coverage (branch measurement, the target file only) and
writes its measurement to a JSON file. A child that exceeds its time is killed. Forking keeps
"each candidate alone" cheap: pytest and coverage are imported once per request, not per run.
"""

from __future__ import annotations

import builtins
import contextlib
import gc
import importlib
import importlib.util
import json
import os
import signal
import sys
import time
import traceback
from typing import Any

TAIL_CHARS = 2500


def _tail(text: str) -> str:
    text = text.strip()
    return text if len(text) <= TAIL_CHARS else "…" + text[-TAIL_CHARS:]


def _format_exception(exc: BaseException) -> str:
    return _tail("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


def _same_file(left: str, right: str) -> bool:
    try:
        return os.path.samefile(left, right)
    except OSError:
        return os.path.realpath(left) == os.path.realpath(right)


class _Recorder:
    """A pytest plugin that keeps what the verifier needs from each report."""

    def __init__(self, candidate_path: str) -> None:
        self.candidate_path = candidate_path
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.errors: list[str] = []
        self.failures: list[str] = []
        self.assertion_failures = 0
        self.collection_error: str | None = None
        self.failed_tests: list[str] = []
        """Names of the test functions that failed (or errored), for a run of several."""

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed and self.collection_error is None:
            self.collection_error = _tail(_short_error(str(report.longrepr)))

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.failed:
            self.failed_tests.append(str(report.nodeid).split("::")[-1].split("[")[0])
        if report.when == "call":
            if report.passed:
                self.passed += 1
            elif report.failed:
                self.failed += 1
                self.failures.append(_tail(str(report.longrepr)))
            else:
                self.skipped += 1
        elif report.failed:
            self.errors.append(f"error in {report.when}: " + _tail(str(report.longrepr)))
        elif report.skipped and report.when == "setup":
            self.skipped += 1

    def pytest_exception_interact(self, node: Any, call: Any, report: Any) -> None:
        """Tell an assertion in the test about behaviour from a test that could not run."""
        if call.when != "call" or call.excinfo is None:
            return
        excinfo = call.excinfo
        message = str(excinfo.value)
        if excinfo.typename == "Failed" and "DID NOT RAISE" in message:
            self.assertion_failures += 1
            return
        if not isinstance(excinfo.value, AssertionError):
            return
        entries = list(excinfo.traceback)
        if entries and _same_file(str(entries[-1].path), self.candidate_path):
            self.assertion_failures += 1


def _preload_pytest_plugins() -> None:
    """Import the installed pytest plugins once, before forking: pytest's autoload then finds
    them in sys.modules, which makes each run several times faster, with the same plugins."""
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        return
    try:
        import importlib.metadata as metadata
    except ImportError:
        return
    try:
        found: Any = metadata.entry_points()
        entries = (
            found.select(group="pytest11")
            if hasattr(found, "select")
            else found.get("pytest11", [])
        )
        for entry in entries:
            # A broken plugin is reported by pytest itself, in the run.
            with contextlib.suppress(Exception):
                entry.load()
    except Exception:
        return


def _short_error(longrepr: str) -> str:
    """A collection error's own lines ("E   SyntaxError: ..."), without pytest's import stack."""
    own = [line for line in longrepr.splitlines() if line.startswith("E ")]
    return "\n".join(own) if own else longrepr


def _alias_imports(target_module: str, aliases: list[str]) -> None:
    """Let `from calculator import f` find a module we had to give another name."""
    module = importlib.import_module(target_module)
    for alias in aliases:
        if alias in sys.modules:
            continue
        try:
            found = importlib.util.find_spec(alias)
        except (ImportError, ValueError):
            found = None
        if found is None:
            sys.modules[alias] = module


class _Shadow:
    """A meta path finder: `module` is loaded from `path` (unsaved editor text), the rest of
    its package from disk as usual."""

    def __init__(self, module: str, path: str) -> None:
        self.module = module
        self.path = path

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname != self.module:
            return None
        return importlib.util.spec_from_file_location(fullname, self.path)


def _inject_names(target_module: str) -> None:
    """Tests over HTTP often call the functions without importing them (as the reference's
    examples do): make the module's public names resolvable as builtins, the fallback of every
    name lookup, without shadowing a real builtin."""
    module = importlib.import_module(target_module)
    public = getattr(module, "__all__", None)
    names = public if public is not None else [n for n in vars(module) if not n.startswith("_")]
    for name in names:
        if not hasattr(builtins, name) and hasattr(module, name):
            setattr(builtins, name, getattr(module, name))


_PRELOADED_CONFTESTS = []  # type: list[tuple[list[Any], list[str]]]
"""The conftests the parent loaded before importing the module under test (one entry), which
every forked run then uses as they are instead of loading them again."""


def _preload_conftests(paths: list[str], module: str | None) -> None:
    """Load the project's conftests in the parent, before the module under test is imported
    there: what they set up at import (a path, an environment variable) is in place for that
    import as under pytest, and every run inherits both."""
    if module and paths:
        _PRELOADED_CONFTESTS.append(_load_conftests(paths))


def _load_conftests(paths: list[str]) -> tuple[list[Any], list[str]]:
    """The project's conftest.py files, as plugins: the candidate lives outside the project,
    where pytest would not find them, yet its fixtures may come from them."""
    plugins: list[Any] = []
    problems: list[str] = []
    for index, path in enumerate(paths):
        name = f"_covopt_conftest_{index}"
        try:
            spec = importlib.util.spec_from_file_location(name, path)
            if spec is None or spec.loader is None:
                continue
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
            plugins.append(module)
        except Exception as exc:  # a broken conftest must not hide the candidate's own result
            problems.append(f"conftest {path} not loaded: {type(exc).__name__}: {exc}")
    return plugins, problems


def _measure(config: dict[str, Any], candidate: dict[str, Any]) -> dict[str, Any]:
    import coverage
    import pytest

    target = config["target"]
    cov = coverage.Coverage(
        data_file=None, branch=True, include=[target], config_file=False, auto_data=False
    )
    recorder = _Recorder(candidate["path"])
    notes: list[str] = []
    cov.start()
    try:
        if config.get("shadow"):
            sys.meta_path.insert(0, _Shadow(config["shadow"], target))
        if config.get("module"):
            if candidate.get("aliases"):
                _alias_imports(config["module"], candidate["aliases"])
            if config.get("inject_names"):
                _inject_names(config["module"])
        if _PRELOADED_CONFTESTS:
            plugins, notes = _PRELOADED_CONFTESTS[0]
        else:
            plugins, notes = _load_conftests(config.get("conftests", []))
        exit_code = int(
            pytest.main([*config["pytest_args"], candidate["path"]], plugins=[recorder, *plugins])
        )
    except BaseException as exc:
        cov.stop()
        return {"crashed": _format_exception(exc)}
    cov.stop()
    data = cov.get_data()
    lines: list[int] = []
    arcs: list[list[int]] = []
    for measured in data.measured_files():
        if _same_file(measured, target):
            lines = sorted(data.lines(measured) or [])
            arcs = sorted([list(arc) for arc in data.arcs(measured) or []])
    return {
        "exit_code": exit_code,
        "passed": recorder.passed,
        "failed": recorder.failed,
        "skipped": recorder.skipped,
        "errors": recorder.errors,
        "failures": recorder.failures,
        "failed_tests": recorder.failed_tests,
        "assertion_failures": recorder.assertion_failures,
        "collection_error": recorder.collection_error,
        "lines": lines,
        "arcs": arcs,
        "notes": notes,
    }


class NetworkBlocked(PermissionError):
    """Raised in a candidate that reaches for a host beyond loopback."""


_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0", "", None)


def _is_local(address: Any) -> bool:
    """Loopback and Unix sockets stay open: tests may talk to a server they started."""
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0] if isinstance(address, tuple) and address else address
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    return host in _LOCAL_HOSTS or (isinstance(host, str) and host.startswith("127."))


def _block_network(event: str, args: tuple[Any, ...]) -> None:
    """An audit hook (installed in the parent before anything of the project is imported, and
    inherited by every forked run): the test fails with a message that says why, instead of
    waiting on a host or leaking data to it."""
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        address = args[1] if len(args) > 1 else None
    elif event == "socket.getaddrinfo":
        address = (args[0],) if args else None
    else:
        return
    if not _is_local(address):
        raise NetworkBlocked(
            f"covopt-ls verification: network access to {address!r} is blocked "
            "(verify.allowNetwork is off)"
        )


def _preload_target(module: str | None) -> None:
    """Import the module under test once, before forking: every run then starts from the same
    freshly imported module without paying for its import, which under coverage's line
    tracing can take seconds (a module building tables at import). Its module-level lines are
    then not measured in the runs, which changes nothing a test can close: they ran on import.
    A module that fails to import here is left to each run, to fail there as it would."""
    if not module:
        return
    before = set(sys.modules)
    try:
        # Nested, not parenthesised: this script runs on the project's Python, maybe < 3.10.
        with open(os.devnull, "w") as quiet:  # noqa: SIM117
            with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
                importlib.import_module(module)
    except BaseException:
        for name in set(sys.modules) - before:
            del sys.modules[name]


def _run_child(
    config: dict[str, Any], candidate: dict[str, Any], out_path: str, log_path: str
) -> None:
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(log, 1)
    os.dup2(log, 2)
    try:
        result = _measure(config, candidate)
    except BaseException as exc:
        result = {"crashed": _format_exception(exc)}
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    sys.stdout.flush()
    sys.stderr.flush()


class _Run:
    """One forked run of one candidate."""

    def __init__(self, config: dict[str, Any], candidate: dict[str, Any], run: int) -> None:
        work = config["work_dir"]
        self.candidate = candidate
        self.run = run
        self.out_path = os.path.join(work, f"{candidate['id']}-{run}.json")
        self.log_path = os.path.join(work, f"{candidate['id']}-{run}.log")
        self.started = time.monotonic()
        self.deadline = self.started + float(config["timeout"])
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                _run_child(config, candidate, self.out_path, self.log_path)
            except BaseException:
                code = 1
            os._exit(code)
        self.pid = pid

    def poll(self) -> dict[str, Any] | None:
        """The run's result once it has ended (killed when past its deadline), else None."""
        finished, status = os.waitpid(self.pid, os.WNOHANG)
        if not finished:
            if time.monotonic() <= self.deadline:
                return None
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            return {"timed_out": True, "duration": time.monotonic() - self.started}
        try:
            with open(self.out_path, encoding="utf-8") as handle:
                result: dict[str, Any] = json.load(handle)
        except (OSError, ValueError):
            log = ""
            try:
                with open(self.log_path, encoding="utf-8", errors="replace") as handle:
                    log = handle.read()
            except OSError:
                pass
            reason = _describe_status(status)
            result = {"crashed": _tail(f"the test process {reason}\n{log}")}
        result["duration"] = time.monotonic() - self.started
        return result


def _run_all(config: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Different candidates run side by side (up to `parallel`); one candidate's repeats run
    one after another, each only once the previous has ended."""
    results: dict[str, list[dict[str, Any]]] = {c["id"]: [] for c in config["candidates"]}
    waiting: list[tuple[dict[str, Any], int]] = [(c, 0) for c in config["candidates"]]
    waiting.reverse()
    active: list[_Run] = []
    parallel = max(1, int(config.get("parallel", 1)))
    repeat = int(config["repeat"])
    while waiting or active:
        while waiting and len(active) < parallel:
            candidate, run = waiting.pop()
            active.append(_Run(config, candidate, run))
        ended = False
        for current in list(active):
            result = current.poll()
            if result is None:
                continue
            ended = True
            active.remove(current)
            runs = results[current.candidate["id"]]
            runs.append(result)
            if current.run + 1 < repeat and _worth_repeating(runs[0]):
                waiting.append((current.candidate, current.run + 1))
        if not ended:
            time.sleep(0.003)
    return results


def _describe_status(status: int) -> str:
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        names: dict[int, str] = {
            signal.SIGKILL: "was killed (SIGKILL: memory or CPU limit?)",
            signal.SIGXCPU: "exceeded its CPU time limit",
            signal.SIGXFSZ: "exceeded its file size limit",
            signal.SIGSEGV: "crashed (SIGSEGV)",
        }
        return names.get(signum) or f"died on signal {signum}"
    return f"exited with status {os.WEXITSTATUS(status)} without a result"


def _worth_repeating(result: dict[str, Any]) -> bool:
    """Repeat passes (to catch flakiness) and assertion failures (to call them consistent)."""
    if result.get("crashed") or result.get("timed_out") or result.get("collection_error"):
        return False
    passed_all = result.get("exit_code") == 0 and result.get("passed", 0) > 0
    return bool(passed_all or result.get("assertion_failures", 0) > 0)


def main(argv: list[str]) -> int:
    with open(argv[1], encoding="utf-8") as handle:
        config = json.load(handle)
    sys.dont_write_bytecode = True
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if p and os.path.abspath(p) != here]
    sys.path[:0] = config["import_paths"]
    sys.path.extend(config.get("extra_site", []))
    if config.get("block_network") and hasattr(sys, "addaudithook"):
        sys.addaudithook(_block_network)
    try:
        import coverage  # noqa: F401  (imported once here, inherited by every forked run)
        import pytest  # noqa: F401

        _preload_pytest_plugins()
        _preload_conftests(config.get("conftests", []), config.get("preload"))
        _preload_target(config.get("preload"))
        # What the parent imported is shared by every fork: keep it out of the children's
        # garbage collections (pytest collects at exit), which is also kinder to copy-on-write.
        if hasattr(gc, "freeze"):
            gc.freeze()
    except ImportError as exc:
        with open(config["results"], "w", encoding="utf-8") as handle:
            json.dump({"fatal": f"cannot import pytest and coverage: {exc}"}, handle)
        return 0
    results = _run_all(config)
    with open(config["results"], "w", encoding="utf-8") as handle:
        json.dump({"results": results}, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
