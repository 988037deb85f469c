"""Errors the knowledge base raises; messages name the file, the entry and the field."""


class KnowledgeError(Exception):
    """A knowledge-base file is missing, unreadable or fails validation.

    The message names the file, the entry and the field, e.g.
    "technologies.yaml: entry 'phev', field 'leader': unknown company 'toyota'".
    """
