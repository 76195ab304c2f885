"""The installed package: its version, its type stubs, its docstrings."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import fouille

from conftest import ROOT


def test_version_is_the_workspace_version(cli):
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    section = cargo.split("[workspace.package]", 1)[1]
    version = re.search(r'^version\s*=\s*"([^"]+)"', section, re.M).group(1)
    assert fouille.__version__ == version
    assert fouille.SCHEMA == "fouille/1"


def stub() -> ast.Module:
    package = Path(fouille.__file__).parent
    assert (package / "py.typed").exists()
    return ast.parse((package / "__init__.pyi").read_text(encoding="utf-8"))


def test_stub_matches_the_module():
    functions = {n.name: n for n in stub().body if isinstance(n, ast.FunctionDef)}
    assert set(functions) == {"extract", "extract_many", "parse_record"}
    for name, node in functions.items():
        runtime = inspect.signature(getattr(fouille, name))
        declared = node.args
        names = [a.arg for a in declared.args] + [a.arg for a in declared.kwonlyargs]
        assert names == list(runtime.parameters), name
        kwonly = [p.name for p in runtime.parameters.values() if p.kind is p.KEYWORD_ONLY]
        assert kwonly == [a.arg for a in declared.kwonlyargs], name
        defaults = [ast.literal_eval(d) for d in declared.kw_defaults]
        assert defaults == [runtime.parameters[n].default for n in kwonly], name
    names = {t.id for n in stub().body if isinstance(n, ast.AnnAssign) for t in [n.target]}
    assert {"__version__", "SCHEMA"} <= names
    assert all(hasattr(fouille, n) for n in names if not n[0].isupper() or n == "SCHEMA")
    classes = {n.name for n in stub().body if isinstance(n, ast.ClassDef)}
    assert "Results" in classes and fouille.Results


def test_everything_has_a_docstring():
    for obj in (fouille, fouille.extract, fouille.extract_many, fouille.Results):
        assert obj.__doc__ and len(obj.__doc__) > 40, obj
