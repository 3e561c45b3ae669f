"""REST API for articles, claims, evidence links, proposed claims, suggestions and their exports."""
