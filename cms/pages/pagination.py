"""Page links of a paginated list, from the ``pagination`` figures of an operation."""

from django.core.paginator import Paginator


def page_url(request, number):
    """The current address with ``page=number``, keeping the other GET parameters."""
    query = request.GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


def pagination_links(request, pagination):
    """Links to the first, neighbouring and last pages, gaps elided (Django's Paginator)."""
    current, last = pagination["currentPage"], pagination["totalPages"]
    pages = []
    if last:
        paginator = Paginator(range(last), per_page=1)
        for number in paginator.get_elided_page_range(min(current, last), on_each_side=1):
            if number == Paginator.ELLIPSIS:
                pages.append({"gap": True})
            else:
                url = page_url(request, number)
                pages.append({"number": number, "url": url, "current": number == current})
    return {
        "pages": pages,
        "first": page_url(request, 1) if current > 1 else None,
        "previous": page_url(request, min(current - 1, last)) if current > 1 and last else None,
        "next": page_url(request, current + 1) if current < last else None,
        "last": page_url(request, last) if current < last else None,
        "beyond_last": current > last > 0,
        **pagination,
    }


def list_context(request, data):
    """Items, figures and page links of a ``{ items pagination }`` result."""
    return {
        "items": data["items"],
        "pagination": pagination_links(request, data["pagination"]),
    }
