"""Pantau dashboard (Dash): reads only the published warehouse, read-only, per request."""
