"""Reading YAML files with the position of every value, so errors can name a line."""
