"""Evidence files: checked, stored by SHA-256, attached to a case, served safely."""
