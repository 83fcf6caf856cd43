"""Alertes: email subscriptions to new partnership calls (double opt-in, one-click unsubscribe)."""
