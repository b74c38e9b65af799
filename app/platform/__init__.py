"""What everything stands on: storage, configuration, security headers, limits, errors, serving."""
