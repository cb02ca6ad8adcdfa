"""`pantau bench`: refresh and dashboard speed at several scales, against baselines (issue 8)."""
