"""The MkDocs side: the handbook plugin and the library behind the page macros."""
