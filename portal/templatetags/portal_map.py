"""``{% map_widget_config locale compact as map %}``: what the map include renders and sends."""

from django import template

from portal.map import widget_config

register = template.Library()


@register.simple_tag
def map_widget_config(locale=None, compact=False):
    return widget_config(locale, compact)
