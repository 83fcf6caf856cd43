"""Alertes: subscriptions to new partnership calls, their mails, views and staff listing."""
