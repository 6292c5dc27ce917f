"""The roles of Dispute Desk's users: the keys and their labels are the glossary's; this is the
name the life cycle, the capability table (disputes/permissions.py) and the user model's check
constraint use."""

from glossary import ROLE_KEYS as ROLES

__all__ = ["ROLES"]
