"""The page layer: what a visitor's request runs to render a public page.

Above the public API on the data path (content model → public API → page operations →
templates): each page type's template receives the result of its named operation from
graphql/pages/, run in-process against the schema partners use (``operations``). The page
models reach this layer through the ``PAGE_VIEWS`` setting (``cms.models.rendering``).

- ``operations``: the in-process runner (documents parsed and validated once per process);
- ``views``: each page type's context and the routed views (directories, country, theme,
  search);
- ``forms``: the directories' GET filter forms;
- ``pagination``: page links of a list;
- ``urls``: addresses of the skeleton's sections in the visitor's language.
"""
