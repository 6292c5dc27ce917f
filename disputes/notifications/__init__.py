"""Notifications to workers by SMS or email, through an outbox table and a separate sender."""
