"""The roles of Dispute Desk's users, defined once: the event table here, the capability table in
the app (disputes/permissions.py) and the user model's check constraint all read this tuple."""

ROLES = ("worker", "mediator", "arbitrator", "legal_aid", "admin")
