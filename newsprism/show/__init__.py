"""show stage."""
