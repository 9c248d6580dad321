"""crosscheck stage."""
