"""No import cycles between kosnlp's modules (imports inside functions included)."""
import ast
from pathlib import Path

import kosnlp

SRC = Path(kosnlp.__file__).parent


def module_graph() -> dict[str, set[str]]:
    mods = {}
    for p in SRC.rglob("*.py"):
        mods[".".join(("kosnlp",) + p.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")] = p
    edges = {m: set() for m in mods}
    for m, p in mods.items():
        pkg = m if p.name == "__init__.py" else m.rsplit(".", 1)[0]
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(n, ast.ImportFrom):
                base = pkg
                for _ in range(max(n.level - 1, 0)):
                    base = base.rsplit(".", 1)[0]
                target = (f"{base}.{n.module}" if n.module else base) if n.level else n.module
                for a in n.names:
                    hit = next((c for c in (f"{target}.{a.name}", target) if c in mods), None)
                    if hit and hit != m:
                        edges[m].add(hit)
            elif isinstance(n, ast.Import):
                edges[m].update(a.name for a in n.names if a.name in mods and a.name != m)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_the_checker_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    graph = module_graph()
    assert "kosnlp.tasks" in graph["kosnlp.engine"] and len(graph) > 40
    assert cycles(graph) == []
