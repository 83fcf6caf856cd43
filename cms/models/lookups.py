"""``AnyOf``: a column among a list of values passed as ONE query parameter (issue 11).

``field__in=values`` writes one placeholder per value, so its SQL changes with their number
and must be compiled again for every list; ``AnyOf(F("field"), values)`` writes the same SQL
whatever the number (``= ANY(%s::type[])`` on PostgreSQL, which plans it as it plans an
``IN`` list; ``IN (SELECT value FROM json_each(%s))`` elsewhere, SQLite), so a query using it
can be compiled once and run again with other values (``cms.api.prepared``). ``values`` may
be a ``Slot``: a named place the values are given at each run.
"""

import json

from django.db.models import Lookup


class Slot:
    """The place of a list of values a compiled query receives at each run."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Slot({self.name!r})"


class SlotParameter:
    """A ``Slot`` as it stands among a compiled query's parameters: ``value(values)`` is the
    parameter for those values, in the column's database form."""

    def __init__(self, slot, field, vendor):
        self.name = slot.name
        self.field = field
        self.vendor = vendor

    def value(self, values, connection):
        return db_values(self.field, values, connection, self.vendor)


def db_values(field, values, connection, vendor):
    prepared = [field.get_db_prep_value(value, connection) for value in values]
    if vendor == "postgresql":
        return prepared
    return json.dumps(
        [value if value is None or isinstance(value, int) else str(value) for value in prepared]
    )


class AnyOf(Lookup):
    """``lhs`` equals one of ``rhs`` (a list of values, or a ``Slot``)."""

    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self):
        return self.rhs

    def as_sql(self, compiler, connection):
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        field = self.lhs.output_field
        vendor = connection.vendor
        if isinstance(self.rhs, Slot):
            parameter = SlotParameter(self.rhs, field, vendor)
        else:
            parameter = db_values(field, list(self.rhs), connection, vendor)
        if vendor == "postgresql":
            return f"{lhs_sql} = ANY(%s::{field.cast_db_type(connection)}[])", [
                *lhs_params,
                parameter,
            ]
        return f"{lhs_sql} IN (SELECT value FROM json_each(%s))", [*lhs_params, parameter]
