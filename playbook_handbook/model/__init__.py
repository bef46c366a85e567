"""The playbook and path models (pydantic), their validation and JSON Schema."""
