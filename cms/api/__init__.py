"""The public read API: filtered querysets, flat builders (map, coverage) and the GraphQL schema.

Everything here returns only live, public, non-alias content. ``portal`` serves the schema;
exports and page templates reuse the query helpers.
"""
