"""What staff use: sign-in and accounts, clause search and the request queue, editors' review."""
