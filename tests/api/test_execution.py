"""Planned execution (cms.api.execution) answers exactly as graphql-core's own execution:
the same data, the same errors (messages, paths, null propagation), whatever the query."""

import math

import graphene
import pytest
from graphql import ExecutionContext, execute_sync, parse
from graphql.execution import MiddlewareManager

from cms.api.execution import PlannedExecutionContext
from cms.api.schema import schema
from cms.api.validation import LimitedExecutionContext
from tests.factories import small_dataset
from tests.helpers import root_queries


def both(graphql_schema, query, **options):
    """The formatted results of ``query`` under graphql-core's execution and the planned one."""
    document = parse(query)
    results = [
        execute_sync(graphql_schema, document, execution_context_class=cls, **options).formatted
        for cls in (ExecutionContext, PlannedExecutionContext)
    ]
    return results


# --- the portal's schema --------------------------------------------------------------------


@pytest.mark.django_db
def test_every_root_field_three_levels_deep_answers_the_same(rf, skeleton):
    data = small_dataset()
    queries = [
        (name, query, None)
        for name, query in root_queries(data["water_request"], data["dakar"], data["article"])
    ]
    queries += [("fragments and aliases", FRAGMENTS, {"locale": code}) for code in ("fr", "en")]
    for name, query, variables in queries:
        base, planned = (
            schema.execute(
                query,
                context_value=rf.post("/graphql/"),
                variable_values=variables,
                execution_context_class=cls,
            ).formatted
            for cls in (ExecutionContext, LimitedExecutionContext)
        )
        assert planned == base, name
        assert "errors" not in planned, (name, planned.get("errors"))


FRAGMENTS = """
fragment link on AuthorityLink { id title url country { name } kind }
query($locale: String) {
  first: authorities(locale: $locale, perPage: 2) { items { ...fiche } pagination { total } }
  again: authorities(locale: $locale, perPage: 2) { items { title ...fiche } }
  __typename
  calls: partnershipCalls(locale: $locale) {
    items { __typename id authority { ...fiche } kind: direction }
  }
  search(query: "water", locale: $locale) {
    items { __typename title ... on Authority { kindLabel } }
  }
}
fragment fiche on Authority {
  __typename id title url kind country { code }
  cooperations { partner { ...link } partnerName themes { name } }
  openCalls { title deadline budgetEur themes { slug } }
}
"""


@pytest.mark.django_db
def test_a_refused_argument_is_the_same_graphql_error(rf, skeleton):
    small_dataset()
    query = "{ authorities(perPage: 500) { items { title } } themes { slug } }"
    base, planned = (
        schema.execute(query, context_value=rf.post("/graphql/"), execution_context_class=cls)
        for cls in (ExecutionContext, LimitedExecutionContext)
    )
    assert planned.formatted == base.formatted
    assert planned.data is None  # authorities is required: the error nulls the whole answer
    assert "perPage" in planned.errors[0].message


# --- any schema: every kind of value and error ---------------------------------------------------


class Color(graphene.Enum):
    RED = "red"
    BLUE = "blue"


class Leaf(graphene.ObjectType):
    name = graphene.String(required=True)
    number = graphene.Int()
    ratio = graphene.Float()
    flag = graphene.Boolean()
    key = graphene.ID()
    color = graphene.Field(Color)
    day = graphene.Date()


class Node(graphene.ObjectType):
    leaf = graphene.Field(Leaf)
    leaves = graphene.List(graphene.NonNull(Leaf))
    required_leaves = graphene.List(graphene.NonNull(Leaf), required=True)
    names = graphene.List(graphene.String)
    required_name = graphene.String(required=True)
    failing = graphene.String()
    child = graphene.Field(lambda: Node, depth=graphene.Int())


VALUES = {
    "plain": {"name": "a", "number": 3, "ratio": 0.5, "flag": True, "key": "k", "color": "red"},
    "coerced": {"name": 7, "number": 2.0, "ratio": 2, "flag": 1, "key": 12, "color": "BLUE"},
    "too big": {"name": "b", "number": 2**31},
    "nan": {"name": "c", "ratio": math.nan},
    "bool as int": {"name": "d", "number": True, "ratio": False, "key": 1.0},
    "null name": {"name": None},
    "bad number": {"name": "e", "number": "x"},
    "bad color": {"name": "f", "color": "green"},
    "subclass": {"name": type("Str", (str,), {})("s"), "number": type("I", (int,), {})(4)},
}


def node_value(case, depth=2):
    leaf = VALUES[case]
    return {
        "leaf": leaf,
        "leaves": (leaf, leaf),  # a tuple: graphql-core's own list completion
        "required_leaves": [leaf, VALUES["plain"]],
        "names": ["x", None, 5, ValueError("an item fails")],
        "required_name": leaf.get("name"),
        "failing": RuntimeError("the resolver fails"),
        "child": node_value(case, depth - 1) if depth else None,
    }


class Query(graphene.ObjectType):
    node = graphene.Field(Node, case=graphene.String(required=True))
    required_node = graphene.Field(Node, required=True, case=graphene.String(required=True))

    @staticmethod
    def resolve_node(root, info, case):
        return node_value(case)

    resolve_required_node = resolve_node


test_schema = graphene.Schema(query=Query).graphql_schema

NODE_FIELDS = """
  leaf { ...leaf } leaves { ...leaf } requiredLeaves { ...leaf } names requiredName failing
  child(depth: 1) { leaf { name } requiredLeaves { name number } child { requiredName } }
"""
LEAF = "fragment leaf on Leaf { name number ratio flag key color day __typename }"


@pytest.mark.parametrize("case", list(VALUES))
@pytest.mark.parametrize("root", ["node", "requiredNode"])
def test_values_and_errors_are_completed_as_graphql_core_completes_them(case, root):
    query = f'{{ a: {root}(case: "{case}") {{ {NODE_FIELDS} }} b: node(case: "plain") {{ requiredName }} }} {LEAF}'  # noqa: E501
    base, planned = both(test_schema, query)
    assert planned == base
    paths = [error["path"] for error in planned["errors"]]
    if case != "null name":  # there, a required leaf's null nulls the node before its names
        assert ["a", "names", 3] in paths
        assert ["a", "failing"] in paths


def test_variables_reach_the_arguments():
    query = (
        "query($c: String!) { node(case: $c) { requiredName child(depth: 2) { requiredName } } }"  # noqa: E501
    )
    base, planned = both(test_schema, query, variable_values={"c": "plain"})
    assert planned == base
    assert planned["data"]["node"]["requiredName"] == "a"


def test_a_middleware_still_wraps_every_resolver():
    def shout(next_, root, info, **args):
        value = next_(root, info, **args)
        return value.upper() if isinstance(value, str) else value

    query = '{ node(case: "plain") { requiredName leaf { name } names } }'
    base, planned = both(test_schema, query, middleware=MiddlewareManager(shout))
    assert planned == base
    assert planned["data"]["node"]["leaf"] == {"name": "A"}
