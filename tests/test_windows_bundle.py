"""The Windows package holds everything the editor imports — checked on Linux, without Wine.

A module missing from the bundle is an editor that does not start on a clerk's PC, and nothing on
Linux would show it. The lock is checked always; the assembled folder (build/windows/nianbao, made
by scripts/build-windows.sh or `packaging/windows/build.py folder`, which .ci/run does) when present.
"""
from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import subprocess
import sys
import zipfile
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]
APP_PACKAGES = {"forms", "gui", "templates", "resources"}
BUNDLE = REPO / "build" / "windows" / "nianbao"
SITE = "python/Lib/site-packages/"
WINDOWS_BUILTINS = {"math", "cmath", "zlib", "array", "binascii", "select", "mmap", "_json", "_struct",
                    "_random", "_datetime", "_bisect", "_heapq", "_pickle", "_csv", "_contextvars",
                    "_opcode", "_statistics", "_md5", "_sha1", "_sha2", "_sha3", "_blake2", "_zoneinfo"}
REBUILD = "rebuild it: bash scripts/build-windows.sh (or .venv/bin/python packaging/windows/build.py folder)"


def _build_module():
    spec = importlib.util.spec_from_file_location("windows_build", REPO / "packaging" / "windows" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_top_level_names() -> set[str]:
    """Every top-level module named in an import anywhere in the app's code, function bodies included."""
    names = set()
    for package in ("forms", "gui"):
        for path in (REPO / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
    return names - APP_PACKAGES - {"__future__"}


def test_the_lock_pins_every_dependency_of_pyproject_within_its_range():
    build = _build_module()
    lock = build.read_lock()
    requires = build.project()["dependencies"]
    assert lock["requires"] == requires, \
        "packaging/windows/lock.txt is older than pyproject.toml: run bash scripts/build-windows.sh --lock"
    for requirement in map(Requirement, requires):
        name = _normal(requirement.name)
        assert name in lock["wheels"], f"{name} is not in the Windows lock"
        assert requirement.specifier.contains(lock["wheels"][name][0], prereleases=True), \
            f"{name}: locked {lock['wheels'][name][0]} is outside {requirement.specifier}"
    assert re.fullmatch(r"[0-9a-f]{64}", lock["embed"]["sha256"]), "the embeddable CPython is not hash-pinned"


def test_every_library_the_code_imports_is_locked_for_windows():
    lock = _build_module().read_lock()
    providers = packages_distributions()
    third_party = sorted(n for n in imported_top_level_names() if n not in sys.stdlib_module_names)
    assert third_party, "the scan found no imports at all"
    for name in third_party:
        dists = {_normal(d) for d in providers.get(name, [])}
        assert dists & lock["wheels"].keys(), f"`import {name}` ({dists or 'no distribution'}) is not in the lock"


def _modules_loaded_by_the_app() -> set[str]:
    """Third-party top-level modules loaded when every module of the app and every library it names
    (even those it imports lazily) are imported: their own imports included."""
    libraries = sorted(n for n in imported_top_level_names() if n not in sys.stdlib_module_names)
    code = (
        "import pkgutil, importlib, sys\n"
        "for pkg in ('forms', 'gui'):\n"
        "    root = importlib.import_module(pkg)\n"
        "    for info in pkgutil.walk_packages(root.__path__, pkg + '.'):\n"
        "        importlib.import_module(info.name)\n"
        f"for lib in {libraries!r}:\n"
        "    importlib.import_module(lib)\n"
        "tops = {m.split('.')[0] for m in sys.modules}\n"
        "print(' '.join(sorted(t for t in tops if t not in sys.stdlib_module_names and not t.startswith('_')\n"
        "                      and 'site-packages' in (getattr(sys.modules[t], '__file__', None) or ''))))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    return set(out.stdout.split()) - APP_PACKAGES


@pytest.fixture(scope="module")
def manifest():
    path = BUNDLE / "manifest.json"
    if not path.exists():
        pytest.skip(f"no Windows bundle at {BUNDLE.relative_to(REPO)}: {REBUILD}")
    return json.loads(path.read_text(encoding="utf-8"))


def _in_site_packages(name: str, files: set[str]) -> bool:
    return any(f.startswith(f"{SITE}{name}/") or f == f"{SITE}{name}.py"
               or (f.startswith(f"{SITE}{name}.") and f.endswith(".pyd")) for f in files)


def test_the_bundle_holds_every_module_the_app_loads(manifest):
    files = set(manifest["files"])
    missing = sorted(n for n in _modules_loaded_by_the_app() if not _in_site_packages(n, files))
    assert not missing, f"modules the app loads but the Windows bundle lacks: {missing}; {REBUILD}"
    for package in APP_PACKAGES:
        assert _in_site_packages(package, files), f"the app's own package {package} is not in the bundle"


def test_the_bundle_holds_the_standard_modules_the_app_imports(manifest):
    files = set(manifest["files"])
    with zipfile.ZipFile(BUNDLE / "python" / "python313.zip") as z:
        stdlib = {n.split("/")[0].removesuffix(".pyc") for n in z.namelist()}
    stdlib |= {f.split("/")[1].split(".")[0] for f in files if f.startswith("python/") and f.endswith(".pyd")}
    # Compiled into python313.dll: recorded by a full build (which runs the Windows Python under Wine);
    # the Wine-free `folder` build falls back to the ones Windows builds in but Linux builds as .so files.
    stdlib |= set(manifest.get("windows_builtin_modules") or set(sys.builtin_module_names) | WINDOWS_BUILTINS)
    wanted = {n for n in imported_top_level_names() if n in sys.stdlib_module_names}
    assert not sorted(wanted - stdlib), f"standard modules missing from the embeddable CPython: {wanted - stdlib}"


def test_the_bundle_keeps_the_qt_parts_the_editor_loads_and_drops_the_rest(manifest):
    files = set(manifest["files"])
    qt = f"{SITE}PySide6/"
    for module in ("QtCore", "QtGui", "QtWidgets"):
        assert f"{qt}{module}.pyd" in files and f"{qt}Qt6{module.removeprefix('Qt')}.dll" in files
    for plugin in ("platforms/qwindows.dll", "imageformats/qsvg.dll", "styles/qmodernwindowsstyle.dll"):
        assert f"{qt}plugins/{plugin}" in files
    assert f"{qt}translations/qtbase_zh_CN.qm" in files   # 确定 / 取消 on Qt's own buttons
    assert not any(f.startswith(f"{qt}qml/") or f.endswith("Qt6Quick.dll") or f.endswith(".pyi") for f in files)
    assert manifest["total_bytes"] < 200_000_000, "the trimmed bundle grew past 200 MB"
