"""Renderers: everything that turns results into text, JSON or files for a person or a job."""
