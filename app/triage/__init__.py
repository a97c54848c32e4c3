"""`GET /v1/red-flags`: what triage will do, for a clinician to audit.

Served from the matcher's own index (the rules that run), with each rule in readable form, the
concepts it uses and how each is recognised, the screening questions, and the sources.
"""
