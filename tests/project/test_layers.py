"""The house: the project's own modules import one way along the data path, without loops."""

from tests import import_graph


def test_no_import_loop():
    assert import_graph.loops(import_graph.imports()) == []


def test_no_first_party_import_hidden_in_a_function():
    hidden = import_graph.hidden_imports(import_graph.imports())
    assert [f"{e.source}:{e.line} -> {e.target}" for e in hidden] == []


def test_layers_import_downwards_only():
    upward = import_graph.upward_imports(import_graph.imports())
    assert [f"{e.source}:{e.line} -> {e.target}" for e in upward] == []


def test_the_checker_sees_a_loop_and_a_hidden_import():
    edges = [
        import_graph.Import("cms.models.pages", "cms.pages.views", 1, None),
        import_graph.Import("cms.pages.views", "cms.models.pages", 2, "page_context"),
    ]
    assert import_graph.loops(edges) == [["cms.models.pages", "cms.pages.views"]]
    assert [e.line for e in import_graph.hidden_imports(edges)] == [2]
    assert [e.line for e in import_graph.upward_imports(edges)] == [1]
