"""The imports between the project's own modules: which layer reaches which, and any loop.

Run ``python -m tests.import_graph`` to print every first-party import (module level and
inside functions), the layer each module belongs to, and the import loops;
``tests/project/test_layers.py`` fails on a loop, on an import placed inside a function, and
on an import against the data path's direction.

The layers, lowest first (a module may import its own layer and the ones below):
content model (cms.models, cms.bootstrap…) → partner suggestions → public API (cms.api) →
page operations (cms.pages) → templates' tags, commands → portal (features, endpoints, settings).
"""

import ast
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cms", "portal", "demo", "bench")

# Longest prefix wins. A module may import modules of its own rank or lower ranks.
LAYERS = {
    "cms.taxonomy_data": 0,
    "cms.models": 0,
    "cms.bootstrap": 1,
    "cms.suggestions": 2,
    "cms.api": 3,
    "cms.pages": 4,
    "cms.templatetags": 5,
    "cms.wagtail_hooks": 5,
    "cms.management": 5,
    "cms.apps": 5,
    "cms": 5,
    "portal": 6,
    "demo": 7,
    "bench": 8,
}

# Django's documented place for imports that need the app registry: AppConfig.ready().
ALLOWED_FUNCTIONS = {"ready"}
# Benchmarks are scripts: they set Django up (bench/cli.py) before importing the portal.
SCRIPTS = ("bench",)


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    function: str | None  # the enclosing function, None at module level


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def first_party_modules():
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


def _resolve(node, module, is_package):
    """Absolute names an import node brings in (``from a import b`` may name module a.b)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, base]) if base else ".".join(package)
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


class _Collector(ast.NodeVisitor):
    def __init__(self, module, is_package, modules):
        self.module, self.is_package, self.modules = module, is_package, modules
        self.function = None
        self.imports = []

    def _function(self, node):
        outer, self.function = self.function, self.function or node.name
        self.generic_visit(node)
        self.function = outer

    visit_FunctionDef = visit_AsyncFunctionDef = _function

    def _import(self, node):
        names = _resolve(node, self.module, self.is_package)
        # ``from a import b``: the module a.b when it exists, else the module a.
        targets = {name for name in names[1:] if name in self.modules}
        if not targets and names[0] in self.modules:
            targets = {names[0]}
        if isinstance(node, ast.Import):
            targets = {name for name in names if name in self.modules}
        for target in sorted(targets - {self.module}):
            self.imports.append(Import(self.module, target, node.lineno, self.function))

    visit_Import = visit_ImportFrom = _import


def imports():
    modules = first_party_modules()
    found = []
    for module, path in modules.items():
        collector = _Collector(module, path.name == "__init__.py", modules)
        collector.visit(ast.parse(path.read_text(), str(path)))
        found.extend(collector.imports)
    return found


def layer(module):
    prefixes = [prefix for prefix in LAYERS if module == prefix or module.startswith(f"{prefix}.")]
    return LAYERS[max(prefixes, key=len)] if prefixes else None


def loops(edges):
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    graph = defaultdict(set)
    for edge in edges:
        graph[edge.source].add(edge.target)
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph[node]):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def hidden_imports(edges):
    """First-party imports placed inside a function (outside AppConfig.ready)."""
    return [
        edge
        for edge in edges
        if edge.function
        and edge.function not in ALLOWED_FUNCTIONS
        and edge.source.split(".")[0] not in SCRIPTS
    ]


def upward_imports(edges):
    """Imports from a lower layer to a higher one: against the data path."""
    return [
        edge
        for edge in edges
        if layer(edge.source) is not None
        and layer(edge.target) is not None
        and layer(edge.target) > layer(edge.source)
    ]


def main():
    edges = imports()
    print("# First-party imports (source -> target, line, enclosing function)")
    for edge in sorted(edges, key=lambda edge: (edge.source, edge.line)):
        where = f"in {edge.function}()" if edge.function else "module level"
        print(f"{edge.source} -> {edge.target}  (line {edge.line}, {where})")
    print(f"\n{len(edges)} imports, {sum(1 for e in edges if e.function)} inside functions")
    print("\n# Imports inside functions (outside AppConfig.ready and the benchmark scripts)")
    for edge in hidden_imports(edges):
        print(f"{edge.source}:{edge.line} in {edge.function}() -> {edge.target}")
    print("\n# Imports against the layers")
    for edge in upward_imports(edges):
        print(f"{edge.source}:{edge.line} (layer {layer(edge.source)}) -> {edge.target}")
    print("\n# Import loops (module and function level together)")
    components = loops(edges)
    for component in components:
        print(f"{len(component)} modules: " + ", ".join(component))
    if not components:
        print("none")
    return 1 if components or hidden_imports(edges) or upward_imports(edges) else 0


if __name__ == "__main__":
    sys.exit(main())
