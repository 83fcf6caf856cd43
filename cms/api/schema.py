"""The public GraphQL schema: queries only, every type declared by hand (see types.py)."""

import graphene

from .queries import Query

schema = graphene.Schema(query=Query, auto_camelcase=True)
