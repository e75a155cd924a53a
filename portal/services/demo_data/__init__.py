"""Text tables for the demo data (`portal.services.demo`): all organisations here are fictional."""
